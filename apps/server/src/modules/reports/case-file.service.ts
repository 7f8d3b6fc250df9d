import crypto from 'node:crypto';
import type {
  ContactChannel,
  DeadlineExtension,
  IndicatorKind,
  ReportEventType,
  ScamMethod,
} from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden } from '../../shared/app-error.js';
import { actorOf } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { decide, mayEver, type Actor, type Target } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import {
  renderCaseFileDocx,
  renderCaseFilePdf,
  type CaseFile,
  type CaseFileEvent,
  type CaseFileReport,
  type CaseFileWithheldReport,
} from './case-file.js';
import type { CaseFileRepository } from './case-file.repository.js';
import type { AgencyPlace, ReportsRepository } from './reports.repository.js';

export type CaseFileFormat = 'pdf' | 'docx';

export const CASE_FILE_MEDIA_TYPES: Record<CaseFileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface CaseFileDependencies {
  db: Kysely<DB>;
  /** The reports module's repository: the case, its reports and their parts. */
  reports: ReportsRepository;
  repository: CaseFileRepository;
  audit: AuditRecorder;
  clock: Clock;
}

export interface CaseFileDownload {
  /** In Vietnamese, e.g. "Hồ sơ vụ việc VV-ABCD2345.pdf". */
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const NATIONAL = { agencyId: '*', level: 'national' as const, provinceCode: null, communeCode: null };
const targetOf = (unit: AgencyPlace | undefined): Target =>
  unit
    ? {
        agencyId: unit.id,
        level: unit.scope_level,
        provinceCode: unit.province_code,
        communeCode: unit.commune_code,
      }
    : NATIONAL;

/** The unit above a case's unit, for the header: its parent in Khiên, else the usual superior of police. */
function superiorOf(unit: {
  type: string;
  parent_name: string | null;
  province_full_name: string | null;
}): string | null {
  if (unit.parent_name) return unit.parent_name;
  if (unit.type === 'police_province') return 'Bộ Công an';
  if (unit.type === 'police_commune' && unit.province_full_name) return `Công an ${unit.province_full_name}`;
  return null;
}

export function createCaseFileService(deps: CaseFileDependencies) {
  const { db, reports, repository, audit, clock } = deps;

  /** The case, when the actor may manage it: the same reach as `GET /api/cases/{caseId}`. */
  async function caseInReach(actor: Actor, caseId: string) {
    if (!mayEver(actor, 'case.manage')) throw forbidden();
    const row = await reports.caseById(db, caseId);
    if (!row) throw new AppError('case.not_found', 'Case not found');
    const allowed = decide(actor, 'case.manage', {
      agencyId: row.agency_id,
      level: row.scope_level,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
    });
    if (allowed !== 'allow') throw new AppError('case.not_found', 'Case not found');
    return row;
  }

  async function exporterName(actor: Actor): Promise<string> {
    if (actor.kind !== 'user') return `Khóa API ${actor.apiKeyId}`;
    const user = await repository.user(db, actor.userId);
    return user ? `${user.full_name} (${user.username})` : actor.username;
  }

  async function build(actor: Actor, caseId: string): Promise<{ file: CaseFile; agencyId: string }> {
    const row = await caseInReach(actor, caseId);
    const [totals] = await reports.caseTotals(db, [caseId]);
    const rows = await reports.rowsOfCase(db, caseId);
    const units = new Map<string, AgencyPlace | undefined>();
    const unitOf = async (id: string | null) => {
      if (!id) return undefined;
      if (!units.has(id)) units.set(id, await reports.agency(db, id));
      return units.get(id);
    };
    const places = await repository.placeNames(
      db,
      [...rows.map((r) => r.province_code), ...(totals?.provinces ?? [])],
      rows.flatMap((r) => (r.commune_code ? [r.commune_code] : [])),
    );

    const readable: CaseFileReport[] = [];
    const withheld: CaseFileWithheldReport[] = [];
    for (const report of rows) {
      // A report moved since to a unit outside the actor's reach stays in the case, but its content is
      // that unit's to give: the file names it and no more (as `GET /api/reports/{id}` would answer 404).
      if (decide(actor, 'report.read', targetOf(await unitOf(report.handling_agency_id))) !== 'allow') {
        withheld.push({
          trackingCode: report.tracking_code,
          receivedAt: new Date(report.received_at).toISOString(),
          handlingUnitName: report.handling_agency_name,
        });
        continue;
      }
      const [identifiers, transfers, evidence, events] = await Promise.all([
        reports.identifiersOf(db, report.id),
        reports.transfersOf(db, report.id),
        reports.evidenceOf(db, report.id),
        reports.eventsOf(db, report.id),
      ]);
      const unreadable = report.unreadable as Array<{ input: string; code: string }>;
      readable.push({
        trackingCode: report.tracking_code,
        channel: report.channel,
        receivedAt: new Date(report.received_at).toISOString(),
        occurredAt: report.occurred_at ? new Date(report.occurred_at).toISOString() : null,
        scamMethod: report.scam_method as ScamMethod,
        contactChannels: report.channels as ContactChannel[],
        provinceName: places.provinces.get(report.province_code)?.fullName ?? report.province_code,
        communeName: report.commune_code
          ? (places.communes.get(report.commune_code) ?? report.commune_code)
          : null,
        handlingUnitName: report.handling_agency_name,
        assignedOfficerName: report.assigned_user_name,
        status: report.status,
        decision: report.decision,
        decidedAt: report.decided_at ? new Date(report.decided_at).toISOString() : null,
        dueAt: new Date(report.due_at).toISOString(),
        extensions: report.extensions as DeadlineExtension[],
        totalLossVnd: Number(report.total_loss_vnd),
        anonymous: report.contact_encrypted === null,
        story: report.story,
        identifiers: identifiers.map((i) => ({
          kind: i.kind as IndicatorKind,
          display: i.display,
          registryStatus: i.status,
        })),
        unreadable: unreadable.map((u) =>
          u.code === 'identifier.official' ? `${u.input} (định danh chính thức, có thể bị giả mạo)` : u.input,
        ),
        // The victim's own account only as stored masked; the full number is never decrypted here.
        transfers: transfers.map((t) => ({
          fromBank: t.from_bank,
          fromAccountMasked: t.from_account_masked,
          toBank: t.to_bank,
          toAccount: t.to_account,
          amountVnd: Number(t.amount_vnd),
          at: t.at ? new Date(t.at).toISOString() : null,
          reference: t.reference,
        })),
        evidence: evidence.map((e) => ({
          fileName: e.file_name,
          mediaType: e.media_type,
          sizeBytes: Number(e.size_bytes),
          sha256: e.sha256,
          receivedAt: new Date(e.received_at).toISOString(),
        })),
        // Reminders are the system's, not decisions: left out.
        timeline: events.filter((e) => e.type !== 'reminder').map(toEvent),
      });
    }

    const header = await repository.unitHeader(db, row.agency_id);
    const creator = row.created_by ? await repository.user(db, row.created_by) : undefined;
    const file: CaseFile = {
      caseCode: row.code,
      title: row.title,
      unitName: row.agency_name,
      superiorUnitName: header ? superiorOf(header) : null,
      placeName: header?.scope_level === 'national' ? null : (header?.province_name ?? null),
      createdAt: new Date(row.created_at).toISOString(),
      createdByName: creator?.full_name ?? null,
      exportedAt: clock.now().toISOString(),
      exportedBy: await exporterName(actor),
      totalLossVnd: Number(totals?.total_loss ?? 0),
      provinceNames: [...(totals?.provinces ?? [])]
        .sort()
        .map((code) => places.provinces.get(code)?.name ?? code),
      reports: readable,
      withheldReports: withheld,
    };
    return { file, agencyId: row.agency_id };
  }

  return {
    /**
     * The case file for the procuracy, as PDF or DOCX. Audited as a read of personal data, with the
     * SHA-256 of the document given out, so that a copy can later be matched with the audit log.
     */
    async export(context: RequestContext, caseId: string, format: CaseFileFormat): Promise<CaseFileDownload> {
      const actor = actorOf(context);
      const { file, agencyId } = await build(actor, caseId);
      const bytes = format === 'pdf' ? await renderCaseFilePdf(file) : await renderCaseFileDocx(file);
      await audit.record(db, context, {
        action: 'case.export',
        targetType: 'case',
        targetId: caseId,
        targetAgencyId: agencyId,
        personalData: true,
        details: {
          format,
          reports: file.reports.length,
          withheldReports: file.withheldReports.length,
          evidence: file.reports.reduce((sum, r) => sum + r.evidence.length, 0),
          sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        },
      });
      return {
        fileName: `Hồ sơ vụ việc ${file.caseCode}.${format}`,
        mediaType: CASE_FILE_MEDIA_TYPES[format],
        bytes,
      };
    },
  };
}

function toEvent(event: Awaited<ReturnType<ReportsRepository['eventsOf']>>[number]): CaseFileEvent {
  const details = (event.details ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    at: new Date(event.created_at).toISOString(),
    type: event.type as ReportEventType,
    toStatus: event.to_status,
    decision: event.decision,
    reason: event.reason,
    actorName: event.actor_name,
    agencyName: event.agency_name,
    ...(event.type === 'assigned' ? { assigneeName: text(details.name) } : {}),
    ...(event.type === 'deadline_extended'
      ? { extension: text(details.extension) as DeadlineExtension | null, dueAt: text(details.dueAt) }
      : {}),
  };
}

export type CaseFileService = ReturnType<typeof createCaseFileService>;
