import type { LedgerEntry, RecordReturnBody, RecoverySummary, ReportRecovery } from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RecoverySummaryQuery } from '@khien/contracts';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../shared/app-error.js';
import { actorOf } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { newId } from '../../shared/ids.js';
import { decide, reachOf, type Action, type Actor } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import { checkLedgerEntry, goldenHour, ledgerTotals, type LedgerKind } from './request.js';
import type { RequestsRepository } from './requests.repository.js';

const iso = (value: Date | string) => new Date(value).toISOString();

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The asset-recovery ledger (ADR 0008): per report, money lost (the report's), held (from banks' answers),
 * released and returned to the victim, each with the bank's confirmation; the golden-hour measures; and
 * the totals by province and for the country.
 */
export function createRecoveryService(deps: {
  db: Kysely<DB>;
  repository: RequestsRepository;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { db, repository, audit, clock } = deps;

  async function reportFor(context: RequestContext, action: Action, reportId: string) {
    const actor = actorOf(context);
    if (reachOf(actor, action).kind === 'none') throw forbidden();
    const place = await repository.reportPlace(db, reportId);
    if (!place) throw notFound('Report');
    const target = place.agency_id
      ? {
          agencyId: place.agency_id,
          level: place.scope_level!,
          provinceCode: place.province_code,
          communeCode: place.commune_code,
        }
      : { agencyId: '*', level: 'national' as const, provinceCode: null, communeCode: null };
    if (decide(actor, action, target) !== 'allow') throw notFound('Report');
    return { actor, place };
  }

  async function recoveryOf(reportId: string): Promise<ReportRecovery> {
    const place = await repository.reportPlace(db, reportId);
    if (!place) throw notFound('Report');
    const rows = await repository.ledgerOfReport(db, reportId);
    const lost = Number(place.total_loss_vnd);
    const entries: LedgerEntry[] = [
      ...(lost > 0
        ? [
            {
              id: reportId,
              kind: 'lost' as const,
              amountVnd: lost,
              bank: null,
              confirmation: null,
              requestId: null,
              note: null,
              at: iso(place.received_at),
            },
          ]
        : []),
      ...rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        amountVnd: Number(row.amount_vnd),
        bank: row.bank,
        confirmation: row.confirmation,
        requestId: row.request_id,
        note: row.note,
        at: iso(row.created_at),
      })),
    ];
    const holds = await repository.holdsOfReports(db, [reportId]);
    return {
      reportId,
      entries,
      totals: ledgerTotals(entries),
      goldenHour: goldenHour(
        new Date(place.received_at),
        lost,
        holds.map((hold) => ({
          sentAt: new Date(hold.sent_at),
          answeredAt: hold.answered_at ? new Date(hold.answered_at) : null,
          heldVnd: hold.held_vnd === null ? null : Number(hold.held_vnd),
        })),
      ),
    };
  }

  /** The province the actor may total: all for national reach, its own otherwise. */
  function provinceScope(actor: Actor, asked: string | undefined): string | undefined {
    const reach = reachOf(actor, 'recovery.read');
    if (reach.kind === 'none') throw forbidden();
    if (reach.kind === 'all') return asked;
    const own = reach.area?.provinceCode ?? actor.agency.provinceCode;
    if (!own || (asked && asked !== own)) throw forbidden();
    return own;
  }

  return {
    async ofReport(context: RequestContext, reportId: string): Promise<ReportRecovery> {
      await reportFor(context, 'recovery.read', reportId);
      return recoveryOf(reportId);
    },

    /** Money returned to the victim, with the bank's confirmation; never more than is still held. */
    async recordReturn(
      context: RequestContext,
      reportId: string,
      input: RecordReturnBody,
    ): Promise<ReportRecovery> {
      const { actor } = await reportFor(context, 'recovery.record', reportId);
      await db.transaction().execute(async (trx) => {
        // One return at a time per report: the check and the entry see the same ledger.
        await repository.lockReport(trx, reportId);
        const rows = await repository.ledgerOfReport(trx, reportId);
        const totals = ledgerTotals(
          rows.map((row) => ({ kind: row.kind as LedgerKind, amountVnd: Number(row.amount_vnd) })),
        );
        const check = checkLedgerEntry(totals, { kind: 'returned', amountVnd: input.amountVnd });
        if (!check.ok)
          throw new AppError(check.code, `At most ${totals.stillHeldVnd} VND is still held for this report`);
        await repository.insertLedger(trx, [
          {
            id: newId(),
            report_id: reportId,
            request_id: null,
            kind: 'returned',
            amount_vnd: input.amountVnd,
            bank: input.bank,
            confirmation: input.confirmation,
            note: input.note ?? null,
            agency_id: actor.agency.id,
            recorded_by_user_id: actor.kind === 'user' ? actor.userId : null,
            recorded_by_api_key_id: actor.kind === 'api_key' ? actor.apiKeyId : null,
            created_at: clock.now(),
          },
        ]);
        await audit.record(trx, context, {
          action: 'recovery.return',
          targetType: 'report',
          targetId: reportId,
          targetAgencyId: actor.agency.id,
          details: { amountVnd: input.amountVnd, bank: input.bank },
        });
      });
      return recoveryOf(reportId);
    },

    async summary(
      context: RequestContext,
      query: z.output<typeof RecoverySummaryQuery>,
    ): Promise<RecoverySummary> {
      const actor = actorOf(context);
      const provinceCode = provinceScope(actor, query.provinceCode);
      const reports = await repository.recoveryReports(db, { provinceCode, caseId: query.caseId });
      const ids = reports.map((report) => report.id);
      const [ledger, holds] = await Promise.all([
        repository.ledgerOfReports(db, ids),
        repository.holdsOfReports(db, ids),
      ]);
      const entriesBy = new Map<string, Array<{ kind: LedgerKind; amountVnd: number }>>();
      const holdsBy = new Map<string, typeof holds>();
      for (const row of ledger) {
        const list = entriesBy.get(row.report_id!) ?? [];
        list.push({ kind: row.kind, amountVnd: Number(row.amount_vnd) });
        entriesBy.set(row.report_id!, list);
      }
      for (const hold of holds) {
        const list = holdsBy.get(hold.report_id!) ?? [];
        list.push(hold);
        holdsBy.set(hold.report_id!, list);
      }
      const all: Array<{ kind: LedgerKind; amountVnd: number }> = [];
      const provinces = new Map<
        string,
        { reports: number; entries: Array<{ kind: LedgerKind; amountVnd: number }> }
      >();
      const toFirstHold: number[] = [];
      const toHeld: number[] = [];
      for (const report of reports) {
        const entries = [
          ...(Number(report.total_loss_vnd) > 0
            ? [{ kind: 'lost' as const, amountVnd: Number(report.total_loss_vnd) }]
            : []),
          ...(entriesBy.get(report.id) ?? []),
        ];
        all.push(...entries);
        const province = provinces.get(report.province_code) ?? { reports: 0, entries: [] };
        province.reports++;
        province.entries.push(...entries);
        provinces.set(report.province_code, province);
        const measures = goldenHour(
          new Date(report.received_at),
          Number(report.total_loss_vnd),
          (holdsBy.get(report.id) ?? []).map((hold) => ({
            sentAt: new Date(hold.sent_at),
            answeredAt: hold.answered_at ? new Date(hold.answered_at) : null,
            heldVnd: hold.held_vnd === null ? null : Number(hold.held_vnd),
          })),
        );
        if (measures.reportToFirstHoldMinutes !== null) toFirstHold.push(measures.reportToFirstHoldMinutes);
        if (measures.requestToFirstHeldMinutes !== null) toHeld.push(measures.requestToFirstHeldMinutes);
      }
      const totals = ledgerTotals(all);
      return {
        scope: query.caseId ? 'case' : provinceCode ? 'province' : 'country',
        reports: reports.length,
        totals,
        medianReportToFirstHoldMinutes: median(toFirstHold),
        medianRequestToFirstHeldMinutes: median(toHeld),
        heldShare: totals.lostVnd > 0 ? Math.min(1, totals.heldVnd / totals.lostVnd) : null,
        byProvince: [...provinces.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, province]) => ({
            provinceCode: code,
            reports: province.reports,
            totals: ledgerTotals(province.entries),
          })),
      };
    },
  };
}

export type RecoveryService = ReturnType<typeof createRecoveryService>;
