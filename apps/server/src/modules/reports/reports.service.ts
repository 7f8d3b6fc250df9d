import crypto from 'node:crypto';
import type {
  AddCaseReportsRequest,
  AssignReportRequest,
  Case,
  CaseDetail,
  CasePage,
  ChangeReportStatusRequest,
  CreateCaseRequest,
  CreateReportInput,
  DeadlineExtension,
  DeadlinePolicy,
  ExtendReportDeadlineRequest,
  PageQuery,
  PublicReportStatus,
  Report,
  ReportChannel,
  ReportContact,
  ReportDetail,
  ReportListQuery,
  ReportPage,
  ReportReceipt,
  ScamMethod,
  TransferReportRequest,
} from '@khien/contracts';
import { identify, type AnyIdentifier } from '@khien/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../shared/app-error.js';
import { actorOf, requireNationwide } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import type { DataCipher } from '../../shared/data-cipher.js';
import type { KeyedHasher } from '../../shared/keyed-hash.js';
import { createBatcher } from '../../shared/batcher.js';
import { newId, readableCode } from '../../shared/ids.js';
import {
  decide,
  mayEver,
  POLICE_AGENCY_TYPES,
  reachOf,
  type Action,
  type Actor,
} from '../../shared/policy.js';
import type { AuditEvent, AuditRecorder } from '../audit/index.js';
import type { IndicatorRow, IndicatorsService } from '../indicators/index.js';
import { checkEvidence, type EvidenceUpload } from './evidence.js';
import {
  checkExtension,
  checkTransition,
  daysLeft,
  dueDate,
  fingerprint,
  isOverdue,
  maskAccount,
  registryLinksOf,
  routeTo,
  transitionsFrom,
  vietnamDate,
} from './report.js';
import { createRegistryLinker } from './registry-links.js';
import type {
  AgencyPlace,
  NewEvidenceRow,
  NewReportEventRow,
  NewReportRow,
  ReportListRow,
  ReportRow,
  ReportsRepository,
  TransferRow,
} from './reports.repository.js';

/** A message to a reporter, for the notification outbox. */
export interface QueuedMessage {
  channel: 'email' | 'sms';
  recipient: string;
  template: 'report.received' | 'report.status_changed' | 'reports.deadline_digest';
  language: 'vi' | 'en';
  params: Record<string, string | number | null>;
  reportId: string | null;
}

/** What the reports module needs from the notification outbox (modules/notifications). */
export interface ReporterMessages {
  queue(trx: Kysely<DB>, message: QueuedMessage): Promise<string>;
  queueAll(trx: Kysely<DB>, messages: readonly QueuedMessage[]): Promise<string[]>;
}

/**
 * What one intake adds to a batch: the report, everything computed but what depends on the database's
 * current state, which the batch reads once for all its reports (the routing and the deadline policy).
 */
interface ReportDraft {
  fingerprint: string;
  provinceCode: string;
  communeCode: string | null;
  /** The unit that takes the report at its own desk (staff intake); null: routed by the victim's area. */
  handlingAgency: AgencyPlace | null;
  build(unit: AgencyPlace | null, policy: DeadlinePolicy): StoredReport;
}

/** The rows of one report, as stored. */
interface StoredReport {
  report: NewReportRow;
  transfers: TransferRow[];
  evidence: NewEvidenceRow[];
  event: NewReportEventRow;
  message: QueuedMessage | null;
  audit: { context: RequestContext; event: AuditEvent };
}

export interface ReportsDependencies {
  db: Kysely<DB>;
  repository: ReportsRepository;
  indicators: IndicatorsService;
  audit: AuditRecorder;
  clock: Clock;
  cipher: DataCipher;
  /** Keyed hashes: a reporter is counted once per registry entry without keeping who it was. */
  hasher: KeyedHasher;
  messages: ReporterMessages;
  /** Which of these keys are on the allowlist of official identifiers (the registry's). */
  allowlisted: (db: Kysely<DB>, keys: readonly string[]) => Promise<Set<string>>;
  /** Called after commit with the registry entries a report created or touched (the lookup index). */
  onIndicatorsChanged?: (rows: IndicatorRow[]) => void;
  /** Told when reports could not be linked to the registry (they stay marked and are linked later). */
  onLinkError?: (error: unknown) => void;
}

type PageQueryValue = z.output<typeof PageQuery>;

interface StoredContact {
  fullName: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

const hashSecret = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');
/** A second identical submission within this time is the same report sent twice. */
const DUPLICATE_WINDOW_MS = 24 * 3_600_000;
/** Reports stored in one transaction at most (each may carry evidence files of several megabytes). */
const INTAKE_BATCH = 32;

const targetOf = (agency: Pick<AgencyPlace, 'id' | 'scope_level' | 'province_code' | 'commune_code'>) => ({
  agencyId: agency.id,
  level: agency.scope_level,
  provinceCode: agency.province_code,
  communeCode: agency.commune_code,
});

export function createReportsService(deps: ReportsDependencies) {
  const { db, repository, indicators, audit, clock, cipher, messages } = deps;
  const linker = createRegistryLinker({
    db,
    repository,
    indicators,
    allowlisted: deps.allowlisted,
    onIndicatorsChanged: deps.onIndicatorsChanged,
  });

  /**
   * Whether the actor may perform `action` on a report handled by `unit`: 404 when the report is outside
   * its reach. Callers refuse actors with no reach at all (403) before they read the report. Reports no
   * unit could be found for are the platform operator's (national reach) to route.
   */
  function authorize(actor: Actor, action: Action, unit: AgencyPlace | undefined) {
    const target = unit
      ? targetOf(unit)
      : { agencyId: '*', level: 'national' as const, provinceCode: null, communeCode: null };
    const decision = decide(actor, action, target);
    if (decision === 'deny_action') throw forbidden();
    if (decision === 'deny_target') throw notFound('Report');
  }

  /** The report, when the actor may perform `action` on it. */
  async function reachable(context: RequestContext, action: Action, reportId: string) {
    const actor = actorOf(context);
    if (reachOf(actor, action).kind === 'none') throw forbidden();
    const row = await repository.byId(db, reportId);
    if (!row) throw notFound('Report');
    const unit = row.handling_agency_id ? await repository.agency(db, row.handling_agency_id) : undefined;
    authorize(actor, action, unit);
    return { actor, row, unit };
  }

  function toReport(row: ReportListRow): Report {
    const now = clock.now();
    const due = new Date(row.due_at);
    return {
      id: row.id,
      trackingCode: row.tracking_code,
      channel: row.channel,
      status: row.status,
      decision: row.decision,
      scamMethod: row.scam_method as ScamMethod,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
      handlingAgencyId: row.handling_agency_id,
      handlingAgencyName: row.handling_agency_name,
      assignedUserId: row.assigned_user_id,
      assignedUserName: row.assigned_user_name,
      caseId: row.case_id,
      receivedAt: new Date(row.received_at).toISOString(),
      dueAt: due.toISOString(),
      daysLeft: daysLeft(due, now),
      overdue: isOverdue(row.status, due, now),
      extensions: row.extensions as DeadlineExtension[],
      totalLossVnd: Number(row.total_loss_vnd),
      identifierCount: Number(row.identifier_count),
      linkedReportCount: Number(row.linked_report_count),
      anonymous: row.contact_encrypted === null,
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    };
  }

  async function detail(reportId: string): Promise<ReportDetail> {
    const row = await repository.listRow(db, reportId);
    if (!row) throw notFound('Report');
    const [identifiers, transfers, evidence, events, linked] = await Promise.all([
      repository.identifiersOf(db, reportId),
      repository.transfersOf(db, reportId),
      repository.evidenceOf(db, reportId),
      repository.eventsOf(db, reportId),
      repository.linkedReports(db, reportId),
    ]);
    return {
      ...toReport(row),
      occurredAt: row.occurred_at ? new Date(row.occurred_at).toISOString() : null,
      channels: row.channels as ReportDetail['channels'],
      story: row.story,
      identifiers: identifiers.map((i) => ({
        indicatorId: i.id,
        kind: i.kind as ReportDetail['identifiers'][number]['kind'],
        key: i.key,
        display: i.display,
        indicatorStatus: i.status,
      })),
      unreadable: row.unreadable,
      transfers: transfers.map((t) => ({
        id: t.id,
        fromBank: t.from_bank,
        fromAccountMasked: t.from_account_masked,
        toBank: t.to_bank,
        toAccount: t.to_account,
        toIndicatorId: t.to_indicator_id,
        amountVnd: Number(t.amount_vnd),
        at: t.at ? new Date(t.at).toISOString() : null,
        reference: t.reference,
      })),
      evidence: evidence.map((e) => ({
        id: e.id,
        fileName: e.file_name,
        mediaType: e.media_type,
        sizeBytes: e.size_bytes,
        sha256: e.sha256,
        receivedAt: new Date(e.received_at).toISOString(),
      })),
      timeline: events.map((e) => ({
        id: e.id,
        at: new Date(e.created_at).toISOString(),
        type: e.type as ReportDetail['timeline'][number]['type'],
        fromStatus: e.from_status,
        toStatus: e.to_status,
        decision: e.decision,
        reason: e.reason,
        publicMessage: e.public_message,
        actorName: e.actor_name,
        agencyName: e.agency_name,
      })),
      linkedReports: linked.map((l) => ({
        id: l.id,
        trackingCode: l.tracking_code,
        provinceCode: l.province_code,
        status: l.status,
        receivedAt: new Date(l.received_at).toISOString(),
        scamMethod: l.scam_method as ScamMethod,
        handlingAgencyName: l.handling_agency_name,
        caseId: l.case_id,
        sharedIdentifiers: l.shared,
      })),
      hasContact: row.contact_encrypted !== null,
      allowedTransitions: transitionsFrom(row.status, row.decision),
    };
  }

  type EventFields = {
    type: ReportDetail['timeline'][number]['type'];
    fromStatus?: ReportRow['status'] | null;
    toStatus?: ReportRow['status'] | null;
    decision?: ReportRow['decision'];
    reason?: string | null;
    publicMessage?: string | null;
    agencyId?: string | null;
    details?: Record<string, unknown>;
  };

  function eventRow(reportId: string, actor: Actor | null, fields: EventFields): NewReportEventRow {
    return {
      id: newId(),
      report_id: reportId,
      type: fields.type,
      from_status: fields.fromStatus ?? null,
      to_status: fields.toStatus ?? null,
      decision: fields.decision ?? null,
      reason: fields.reason ?? null,
      public_message: fields.publicMessage ?? null,
      actor_user_id: actor?.kind === 'user' ? actor.userId : null,
      agency_id: fields.agencyId ?? actor?.agency.id ?? null,
      details: JSON.stringify(fields.details ?? {}),
      created_at: clock.now(),
    };
  }

  async function event(trx: Kysely<DB>, reportId: string, actor: Actor | null, fields: EventFields) {
    await repository.insertEvents(trx, [eventRow(reportId, actor, fields)]);
  }

  /** The message that tells the reporter, through the contact they gave, that their report moved. */
  function messageTo(
    row: Pick<ReportRow, 'id' | 'tracking_code' | 'language'>,
    contact: StoredContact | null,
    template: 'report.received' | 'report.status_changed',
    params: Record<string, string | number | null>,
  ): QueuedMessage | null {
    const recipient = contact?.email ?? contact?.phone;
    if (!recipient) return null;
    return {
      channel: contact?.email ? 'email' : 'sms',
      recipient,
      template,
      language: row.language,
      params: { trackingCode: row.tracking_code, ...params },
      reportId: row.id,
    };
  }

  /** Tells the reporter that their report moved, in the same transaction as the move. */
  async function tellReporter(
    trx: Kysely<DB>,
    row: ReportRow,
    template: 'report.received' | 'report.status_changed',
    params: Record<string, string | number | null>,
  ) {
    if (!row.contact_encrypted) return;
    const contact = JSON.parse(cipher.decrypt(row.contact_encrypted)) as StoredContact;
    const message = messageTo(row, contact, template, params);
    if (message) await messages.queue(trx, message);
  }

  /**
   * Stores reports received together (see the batcher) in one transaction. Each is routed and given its
   * deadline from one read of the police units and the policy for the whole batch. Reports naming an area
   * that does not exist, and reports already received (the same fingerprint within the duplicate window,
   * or twice in the batch), are refused one by one; the others are stored with their transfers,
   * evidence, timeline, message to the reporter and audit entry.
   */
  async function storeReports(
    drafts: ReportDraft[],
  ): Promise<Array<{ handlingUnit: AgencyPlace | null } | AppError>> {
    return db.transaction().execute(async (trx) => {
      const provinceCodes = [...new Set(drafts.map((draft) => draft.provinceCode))];
      const communeCodes = [
        ...new Set(drafts.flatMap((draft) => (draft.communeCode ? [draft.communeCode] : []))),
      ];
      const policy = await repository.deadlinePolicy(trx);
      const areas = await repository.knownAreas(trx, provinceCodes, communeCodes);
      const units = drafts.some((draft) => !draft.handlingAgency)
        ? await repository.policeUnitsIn(trx, provinceCodes, communeCodes)
        : [];
      const seen = await repository.recentFingerprints(
        trx,
        drafts.map((draft) => draft.fingerprint),
        new Date(clock.now().getTime() - DUPLICATE_WINDOW_MS),
      );
      const stored: StoredReport[] = [];
      const results = drafts.map((draft) => {
        if (!areas.provinces.has(draft.provinceCode)) {
          return new AppError('report.unknown_area', `No province ${draft.provinceCode}`);
        }
        if (draft.communeCode && areas.communes.get(draft.communeCode) !== draft.provinceCode) {
          return new AppError(
            'report.unknown_area',
            `No commune ${draft.communeCode} in ${draft.provinceCode}`,
          );
        }
        if (seen.has(draft.fingerprint)) {
          return new AppError(
            'report.duplicate',
            'This report was already received; follow it with the tracking code you were given',
          );
        }
        seen.add(draft.fingerprint);
        const unit = draft.handlingAgency ?? routeTo(units, draft.provinceCode, draft.communeCode);
        stored.push(draft.build(unit, policy));
        return { handlingUnit: unit };
      });
      await repository.insertReports(
        trx,
        stored.map((item) => item.report),
      );
      await repository.insertTransfers(
        trx,
        stored.flatMap((item) => item.transfers),
      );
      await repository.insertEvidence(
        trx,
        stored.flatMap((item) => item.evidence),
      );
      await repository.insertEvents(
        trx,
        stored.map((item) => item.event),
      );
      await messages.queueAll(
        trx,
        stored.flatMap((item) => (item.message ? [item.message] : [])),
      );
      // Last: the audit chain is appended under a lock held until commit.
      await audit.recordAll(
        trx,
        stored.map((item) => item.audit),
      );
      return results;
    });
  }
  const intakeBatcher = createBatcher<ReportDraft, { handlingUnit: AgencyPlace | null }>(storeReports, {
    maxBatch: INTAKE_BATCH,
    concurrency: 3,
  });

  /** Parses what the reporter named: registry identifiers, and what could not be read (kept, never lost). */
  function parseIdentifiers(inputs: readonly string[]) {
    const parsed: AnyIdentifier[] = [];
    const unreadable: Array<{ input: string; code: string; message: string }> = [];
    for (const input of inputs) {
      const result = identify(input);
      if (result.ok) {
        if (!parsed.some((p) => p.key === result.value.key)) parsed.push(result.value);
      } else {
        unreadable.push({ input, code: result.code, message: result.message });
      }
    }
    return { parsed, unreadable };
  }

  async function receive(
    context: RequestContext,
    input: CreateReportInput,
    files: readonly EvidenceUpload[],
    intake: { channel: ReportChannel; actor: Actor | null; handlingAgency: AgencyPlace | null },
  ) {
    const evidence = await checkEvidence(files);
    const contactText = input.contact
      ? [input.contact.fullName, input.contact.phone ?? '', input.contact.email ?? ''].join('|')
      : null;
    const print = fingerprint({
      story: input.story,
      identifiers: input.identifiers,
      transfers: input.transfers,
      provinceCode: input.provinceCode,
      contact: contactText,
    });
    const now = clock.now();
    const { parsed, unreadable } = parseIdentifiers(input.identifiers);
    const transferTargets = input.transfers.map((t) => {
      const account = identify(t.toBank ? `${t.toBank} ${t.toAccount}` : t.toAccount);
      return account.ok ? account.value : null;
    });
    const secret = readableCode(16).replace(/(.{4})(?=.)/g, '$1-');
    const reportId = newId();
    const trackingCode = `TG-${readableCode(8)}`;
    const totalLoss = input.totalLossVnd ?? input.transfers.reduce((sum, t) => sum + t.amountVnd, 0);
    // One reporter counts once per registry entry, however often they report it: a keyed hash of the
    // contact, or of this report for an anonymous one.
    const reporterHash = deps.hasher.hash(
      'reporter',
      input.contact ? (input.contact.phone ?? input.contact.email ?? contactText!) : `anonymous:${reportId}`,
    );
    const links = registryLinksOf(parsed, input.transfers, transferTargets);

    const transferRows: TransferRow[] = [];
    for (const [position, t] of input.transfers.entries()) {
      transferRows.push({
        id: newId(),
        report_id: reportId,
        position,
        from_bank: t.fromBank ?? null,
        from_account_encrypted: t.fromAccount ? cipher.encrypt(t.fromAccount) : null,
        from_account_masked: t.fromAccount ? maskAccount(t.fromAccount) : null,
        to_bank: t.toBank ?? null,
        to_account: t.toAccount,
        // Set when the report's identifiers enter the registry, right after it is stored.
        to_indicator_id: null,
        amount_vnd: t.amountVnd,
        at: t.at ? new Date(t.at) : null,
        reference: t.reference ?? null,
      });
    }
    const contact: StoredContact | null = input.contact
      ? {
          fullName: input.contact.fullName,
          phone: input.contact.phone ?? null,
          email: input.contact.email ?? null,
          address: input.contact.address ?? null,
        }
      : null;
    const contactEncrypted = contact ? cipher.encrypt(JSON.stringify(contact)) : null;
    const build = (unit: AgencyPlace | null, policy: DeadlinePolicy): StoredReport => {
      const row: ReportRow = {
        id: reportId,
        tracking_code: trackingCode,
        secret_hash: hashSecret(secret),
        channel: intake.channel,
        status: 'received',
        decision: null,
        scam_method: input.scamMethod,
        occurred_at: input.occurredAt ? new Date(input.occurredAt) : null,
        channels: input.channels,
        story: input.story,
        total_loss_vnd: totalLoss,
        province_code: input.provinceCode,
        commune_code: input.communeCode ?? null,
        contact_encrypted: contactEncrypted,
        language: input.language,
        handling_agency_id: unit?.id ?? null,
        assigned_user_id: null,
        case_id: null,
        received_at: now,
        due_at: dueDate(now, [], policy),
        extensions: [],
        decided_at: null,
        unreadable: [],
        fingerprint: print,
        created_by: intake.actor?.kind === 'user' ? intake.actor.userId : null,
        last_reminded_on: null,
        registry_pending: null,
      };
      return {
        report: {
          ...row,
          unreadable: JSON.stringify(unreadable),
          registry_pending: links.entries.length > 0 ? JSON.stringify({ reporterHash, ...links }) : null,
        },
        transfers: transferRows,
        evidence: evidence.map((file) => ({
          id: newId(),
          report_id: reportId,
          file_name: file.fileName,
          media_type: file.mediaType,
          size_bytes: file.sizeBytes,
          sha256: file.sha256,
          content: file.bytes,
          received_at: now,
        })),
        event: eventRow(reportId, intake.actor, {
          type: 'received',
          toStatus: 'received',
          agencyId: unit?.id ?? null,
          details: { channel: intake.channel, evidence: evidence.length },
        }),
        message: messageTo(row, contact, 'report.received', { handlingUnit: unit?.name ?? null }),
        audit: {
          context,
          event: {
            action: intake.actor ? 'report.intake' : 'report.submit',
            targetType: 'report',
            targetId: reportId,
            targetAgencyId: unit?.id ?? null,
            personalData: input.contact !== undefined,
            details: {
              channel: intake.channel,
              identifiers: links.entries.length,
              evidence: evidence.length,
            },
          },
        },
      };
    };
    const { handlingUnit } = await intakeBatcher.add({
      fingerprint: print,
      provinceCode: input.provinceCode,
      communeCode: input.communeCode ?? null,
      handlingAgency: intake.handlingAgency,
      build,
    });
    const receipt = {
      trackingCode,
      secret,
      receivedAt: now.toISOString(),
      handlingUnit: handlingUnit?.name ?? null,
      evidenceCount: evidence.length,
    } satisfies ReportReceipt;
    // The registry follows, batched with the reports stored meanwhile. A citizen's receipt does not wait
    // for it (the run starts within LINK_DELAY_MS); an officer taking a report at the unit does, to see at
    // once the reports it shares an identifier with. A failure there loses nothing: the report keeps its mark and the next run, or
    // the job every minute, links it.
    if (links.entries.length > 0) {
      const failed = (error: unknown) => deps.onLinkError?.(error);
      if (intake.actor) await linker.linkPending().catch(failed);
      else linker.linkSoon(failed);
    }
    return { receipt, reportId };
  }

  async function policeUnit(trx: Kysely<DB>, agencyId: string): Promise<AgencyPlace> {
    const unit = await repository.agency(trx, agencyId);
    if (
      !unit ||
      !unit.active ||
      !POLICE_AGENCY_TYPES.includes(unit.type as never) ||
      unit.type === 'platform_operator'
    ) {
      throw new AppError('report.transfer_target_invalid', 'Choose an active police unit');
    }
    return unit;
  }

  /** A change to one report by its handling unit, in one transaction, with its timeline entry and audit. */
  async function change(
    context: RequestContext,
    action: Action,
    reportId: string,
    apply: (trx: Kysely<DB>, row: ReportRow, actor: Actor) => Promise<void>,
  ): Promise<ReportDetail> {
    await db.transaction().execute(async (trx) => {
      const actor = actorOf(context);
      if (reachOf(actor, action).kind === 'none') throw forbidden();
      const row = await repository.byIdForUpdate(trx, reportId);
      if (!row) throw notFound('Report');
      const unit = row.handling_agency_id ? await repository.agency(trx, row.handling_agency_id) : undefined;
      authorize(actor, action, unit);
      await apply(trx, row, actor);
    });
    return detail(reportId);
  }

  return {
    /** A citizen's report from the public form. Answers the receipt only once everything is stored. */
    async submit(
      context: RequestContext,
      input: CreateReportInput,
      files: readonly EvidenceUpload[],
    ): Promise<ReportReceipt> {
      const { receipt } = await receive(context, input, files, {
        channel: 'online',
        actor: null,
        handlingAgency: null,
      });
      return receipt;
    },

    /** A report taken by police staff; it is handled by the staff member's own unit. */
    async intake(
      context: RequestContext,
      input: CreateReportInput & { channel: Exclude<ReportChannel, 'online'> },
      files: readonly EvidenceUpload[],
    ): Promise<ReportDetail> {
      const actor = actorOf(context);
      const own = await repository.agency(db, actor.agency.id);
      if (!own || decide(actor, 'report.intake', targetOf(own)) !== 'allow') throw forbidden();
      const isUnit =
        own && own.type !== 'platform_operator' && POLICE_AGENCY_TYPES.includes(own.type as never);
      const { reportId } = await receive(context, input, files, {
        channel: input.channel,
        actor,
        handlingAgency: isUnit ? own : null,
      });
      return detail(reportId);
    },

    /** What the reporter may see, with the tracking code and its secret. */
    async publicStatus(trackingCode: string, secret: string | undefined): Promise<PublicReportStatus> {
      const row = await repository.byTrackingCode(db, trackingCode);
      const matches =
        row !== undefined &&
        crypto.timingSafeEqual(Buffer.from(row.secret_hash), Buffer.from(hashSecret(secret ?? '')));
      if (!row || !secret || !matches) {
        throw new AppError('report.not_found', 'No report matches this tracking code and secret');
      }
      const events = await repository.eventsOf(db, row.id);
      const unit = row.handling_agency_id ? await repository.agency(db, row.handling_agency_id) : undefined;
      let status: ReportRow['status'] = 'received';
      let decision: ReportRow['decision'] = null;
      let unitName: string | null = null;
      const history: PublicReportStatus['history'] = [];
      for (const e of events) {
        // The reporter sees the stages, the units and the unit's messages; never notes or reasons.
        if (e.type === 'received' || e.type === 'transferred') unitName = e.agency_name;
        if (e.to_status) status = e.to_status;
        if (e.type === 'status_changed') decision = e.decision;
        if (e.type === 'received' || e.type === 'status_changed' || e.type === 'transferred') {
          history.push({
            at: new Date(e.created_at).toISOString(),
            status,
            decision,
            handlingUnit: unitName,
            message: e.public_message,
          });
        }
      }
      return {
        trackingCode: row.tracking_code,
        status: row.status,
        decision: row.decision,
        handlingUnit: unit?.name ?? null,
        receivedAt: new Date(row.received_at).toISOString(),
        dueAt: new Date(row.due_at).toISOString(),
        decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
        history,
      };
    },

    async list(context: RequestContext, query: ReportListQuery): Promise<ReportPage> {
      const actor = actorOf(context);
      const reach = reachOf(actor, 'report.list');
      if (reach.kind === 'none') throw forbidden();
      const userId = actor.kind === 'user' ? actor.userId : null;
      // An identifier however it is written (0912 345 678, +84912345678) finds the reports naming it.
      const parsed = query.q ? identify(query.q) : null;
      const key = parsed?.ok ? parsed.value.key : null;
      const { rows, total } = await repository.list(db, reach, query, userId, clock.now(), key);
      return { items: rows.map(toReport), total };
    },

    async get(context: RequestContext, reportId: string): Promise<ReportDetail> {
      await reachable(context, 'report.read', reportId);
      return detail(reportId);
    },

    /** The reporter's contact details, for the handling unit only; each read is audited. */
    async contact(context: RequestContext, reportId: string): Promise<ReportContact> {
      const { row } = await reachable(context, 'report.contact', reportId);
      if (!row.contact_encrypted) throw notFound('Contact');
      const contact = JSON.parse(cipher.decrypt(row.contact_encrypted)) as StoredContact;
      const transfers = await repository.transfersOf(db, reportId);
      await audit.record(db, context, {
        action: 'report.contact.read',
        targetType: 'report',
        targetId: reportId,
        targetAgencyId: row.handling_agency_id,
        personalData: true,
      });
      return {
        ...contact,
        transfersFrom: transfers
          .filter((t) => t.from_account_encrypted)
          .map((t) => ({ transferId: t.id, fromAccount: cipher.decrypt(t.from_account_encrypted!) })),
      };
    },

    /** An evidence file, audited: it may show the victim's messages and face. */
    async evidenceFile(context: RequestContext, reportId: string, evidenceId: string) {
      const { row } = await reachable(context, 'report.read', reportId);
      const file = await repository.evidenceFile(db, reportId, evidenceId);
      if (!file) throw notFound('Evidence');
      await audit.record(db, context, {
        action: 'report.evidence.read',
        targetType: 'report_evidence',
        targetId: evidenceId,
        targetAgencyId: row.handling_agency_id,
        personalData: true,
      });
      return file;
    },

    async changeStatus(context: RequestContext, reportId: string, input: ChangeReportStatusRequest) {
      return change(context, 'report.handle', reportId, async (trx, row, actor) => {
        const check = checkTransition(row.status, row.decision, input.to, input.decision);
        if (!check.ok) {
          throw new AppError(
            check.code,
            check.code === 'report.decision_required'
              ? 'Choose the decision'
              : `A report cannot go from ${row.status} to ${input.to}`,
          );
        }
        const now = clock.now();
        const decision =
          input.to === 'decided' ? input.decision! : input.to === 'verifying' ? null : row.decision;
        await repository.update(trx, row.id, {
          status: input.to,
          decision,
          ...(input.to === 'decided' ? { decided_at: now } : {}),
          ...(input.to === 'verifying' && row.status === 'decided' ? { decided_at: null } : {}),
        });
        await event(trx, row.id, actor, {
          type: 'status_changed',
          fromStatus: row.status,
          toStatus: input.to,
          decision: input.to === 'decided' ? decision : null,
          reason: input.reason,
          publicMessage: input.publicMessage ?? null,
          agencyId: row.handling_agency_id,
        });
        await audit.record(trx, context, {
          action: 'report.status',
          targetType: 'report',
          targetId: row.id,
          targetAgencyId: row.handling_agency_id,
          details: { from: row.status, to: input.to, decision },
        });
        const unit = row.handling_agency_id
          ? await repository.agency(trx, row.handling_agency_id)
          : undefined;
        await tellReporter(trx, row, 'report.status_changed', {
          status: input.to,
          decision,
          handlingUnit: unit?.name ?? null,
          message: input.publicMessage ?? null,
        });
      });
    },

    async assign(context: RequestContext, reportId: string, input: AssignReportRequest) {
      return change(context, 'report.assign', reportId, async (trx, row, actor) => {
        let name: string | null = null;
        if (input.userId) {
          const user = row.handling_agency_id
            ? await repository.activeUserOf(trx, input.userId, row.handling_agency_id)
            : undefined;
          if (!user)
            throw new AppError('report.assignee_invalid', 'Assign an active officer of the handling unit');
          name = user.full_name;
        }
        await repository.update(trx, row.id, { assigned_user_id: input.userId });
        await event(trx, row.id, actor, {
          type: 'assigned',
          reason: input.reason ?? null,
          agencyId: row.handling_agency_id,
          details: { userId: input.userId, name },
        });
        await audit.record(trx, context, {
          action: 'report.assign',
          targetType: 'report',
          targetId: row.id,
          targetAgencyId: row.handling_agency_id,
          details: { userId: input.userId },
        });
      });
    },

    async note(context: RequestContext, reportId: string, text: string) {
      return change(context, 'report.handle', reportId, async (trx, row, actor) => {
        await event(trx, row.id, actor, { type: 'note', reason: text, agencyId: row.handling_agency_id });
      });
    },

    async transfer(context: RequestContext, reportId: string, input: TransferReportRequest) {
      return change(context, 'report.handle', reportId, async (trx, row, actor) => {
        if (row.status === 'decided' || row.status === 'closed') {
          throw new AppError('report.transition_not_allowed', 'A decided report is not transferred');
        }
        const unit = await policeUnit(trx, input.agencyId);
        if (unit.id === row.handling_agency_id) {
          throw new AppError('report.transfer_target_invalid', 'The report is already with this unit');
        }
        await repository.update(trx, row.id, { handling_agency_id: unit.id, assigned_user_id: null });
        await event(trx, row.id, actor, {
          type: 'transferred',
          reason: input.reason,
          agencyId: unit.id,
          details: { from: row.handling_agency_id, to: unit.id },
        });
        await audit.record(trx, context, {
          action: 'report.transfer',
          targetType: 'report',
          targetId: row.id,
          targetAgencyId: unit.id,
          details: { from: row.handling_agency_id, to: unit.id },
        });
      });
    },

    async extend(context: RequestContext, reportId: string, input: ExtendReportDeadlineRequest) {
      return change(context, 'report.handle', reportId, async (trx, row, actor) => {
        const policy = await repository.deadlinePolicy(trx);
        const done = row.extensions as DeadlineExtension[];
        if (!checkExtension(row.status, done, input.extension, policy).ok) {
          throw new AppError('report.extension_not_allowed', 'This extension is not possible now');
        }
        const months = input.months ?? 2;
        const history = [
          ...done.map((extension) => ({ extension, months: 2 })),
          { extension: input.extension, months },
        ];
        const due = dueDate(new Date(row.received_at), history, policy);
        await repository.update(trx, row.id, { extensions: [...done, input.extension], due_at: due });
        await event(trx, row.id, actor, {
          type: 'deadline_extended',
          reason: input.reason,
          agencyId: row.handling_agency_id,
          details: { extension: input.extension, months, dueAt: due.toISOString() },
        });
        await audit.record(trx, context, {
          action: 'report.extend',
          targetType: 'report',
          targetId: row.id,
          targetAgencyId: row.handling_agency_id,
          details: { extension: input.extension, months },
        });
      });
    },

    async deadlinePolicy(context: RequestContext): Promise<DeadlinePolicy> {
      const actor = actorOf(context);
      if (!mayEver(actor, 'report.list') && !mayEver(actor, 'report.policy')) throw forbidden();
      return repository.deadlinePolicy(db);
    },

    async updateDeadlinePolicy(context: RequestContext, policy: DeadlinePolicy): Promise<DeadlinePolicy> {
      const actor = requireNationwide(context, 'report.policy');
      await db.transaction().execute(async (trx) => {
        await repository.updateDeadlinePolicy(
          trx,
          policy,
          actor.kind === 'user' ? actor.userId : null,
          clock.now(),
        );
        await audit.record(trx, context, {
          action: 'report.policy',
          targetType: 'report_deadline_policy',
          details: { ...policy },
        });
      });
      return policy;
    },

    /** Daily: an entry on the timeline of each open report near or past its deadline, once a day. */
    /** Links stored reports whose identifiers have not entered the registry yet (the job every minute). */
    linkRegistry: () => linker.linkNow(),

    async remindDeadlines(): Promise<number> {
      const now = clock.now();
      const policy = await repository.deadlinePolicy(db);
      const until = new Date(now.getTime() + policy.remindDaysBefore * 86_400_000);
      const today = vietnamDate(now);
      const due = await repository.dueForReminder(db, until, today);
      for (const row of due) {
        await db.transaction().execute(async (trx) => {
          const left = daysLeft(new Date(row.due_at), now);
          await event(trx, row.id, null, {
            type: 'reminder',
            reason: left < 0 ? `Overdue by ${-left} day(s)` : `${left} day(s) left before the deadline`,
            agencyId: row.handling_agency_id,
            details: { daysLeft: left },
          });
          await repository.update(trx, row.id, { last_reminded_on: today });
        });
      }
      await remindOfficers(due, now);
      return due.length;
    },

    async createCase(context: RequestContext, input: CreateCaseRequest): Promise<CaseDetail> {
      const actor = actorOf(context);
      if (!mayEver(actor, 'case.manage')) throw forbidden();
      const caseId = newId();
      await db.transaction().execute(async (trx) => {
        await groupable(trx, actor, input.reportIds);
        await repository.insertCase(trx, {
          id: caseId,
          code: `VV-${readableCode(8)}`,
          title: input.title,
          agency_id: actor.agency.id,
          created_by: actor.kind === 'user' ? actor.userId : null,
          created_at: clock.now(),
        });
        await repository.setCase(trx, input.reportIds, caseId);
        for (const reportId of input.reportIds) {
          await event(trx, reportId, actor, { type: 'grouped', reason: input.reason, details: { caseId } });
        }
        await audit.record(trx, context, {
          action: 'case.create',
          targetType: 'case',
          targetId: caseId,
          targetAgencyId: actor.agency.id,
          details: { reports: input.reportIds.length },
        });
      });
      return caseDetail(context, caseId);
    },

    async addToCase(
      context: RequestContext,
      caseId: string,
      input: AddCaseReportsRequest,
    ): Promise<CaseDetail> {
      const actor = actorOf(context);
      if (!mayEver(actor, 'case.manage')) throw forbidden();
      await caseInReach(actor, caseId);
      await db.transaction().execute(async (trx) => {
        await groupable(trx, actor, input.reportIds);
        await repository.setCase(trx, input.reportIds, caseId);
        for (const reportId of input.reportIds) {
          await event(trx, reportId, actor, { type: 'grouped', reason: input.reason, details: { caseId } });
        }
        await audit.record(trx, context, {
          action: 'case.add_reports',
          targetType: 'case',
          targetId: caseId,
          details: { reports: input.reportIds.length },
        });
      });
      return caseDetail(context, caseId);
    },

    getCase: (context: RequestContext, caseId: string) => caseDetail(context, caseId),

    async listCases(context: RequestContext, query: PageQueryValue): Promise<CasePage> {
      const actor = actorOf(context);
      const reach = reachOf(actor, 'case.manage');
      if (reach.kind === 'none') throw forbidden();
      const { rows, total } = await repository.listCases(db, reach, query.limit, query.offset);
      const totals = new Map(
        (
          await repository.caseTotals(
            db,
            rows.map((r) => r.id),
          )
        ).map((t) => [t.case_id, t]),
      );
      return {
        items: rows.map((row) => toCase(row, totals.get(row.id))),
        total,
      };
    },
  };

  /**
   * One e-mail per officer with the codes of the reports near or past their deadline: to the officer a
   * report is assigned to, or to the unit's supervisors when nobody is. Staff without an e-mail address
   * see the reminders on the reports' timelines and in the inbox.
   */
  async function remindOfficers(
    due: ReadonlyArray<{
      id: string;
      handling_agency_id: string | null;
      assigned_user_id: string | null;
      due_at: Date;
      tracking_code: string;
    }>,
    now: Date,
  ) {
    const assigned = [...new Set(due.flatMap((r) => (r.assigned_user_id ? [r.assigned_user_id] : [])))];
    const unassignedUnits = [
      ...new Set(
        due.flatMap((r) => (!r.assigned_user_id && r.handling_agency_id ? [r.handling_agency_id] : [])),
      ),
    ];
    const staff = await repository.reminderRecipients(db, assigned, unassignedUnits);
    const digests = new Map<
      string,
      { email: string; unitId: string; reports: Array<(typeof due)[number]> }
    >();
    for (const report of due) {
      const recipients = report.assigned_user_id
        ? staff.filter((s) => s.id === report.assigned_user_id)
        : staff.filter((s) => s.agency_id === report.handling_agency_id && s.roles.includes('supervisor'));
      for (const person of recipients) {
        const key = `${person.id}:${report.handling_agency_id}`;
        const digest = digests.get(key) ?? {
          email: person.email!,
          unitId: report.handling_agency_id!,
          reports: [],
        };
        digest.reports.push(report);
        digests.set(key, digest);
      }
    }
    for (const { email, unitId, reports: list } of digests.values()) {
      const unit = await repository.agency(db, unitId);
      const overdue = list.filter((r) => new Date(r.due_at) < now).length;
      const sorted = [...list].sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime());
      await db.transaction().execute(async (trx) => {
        await messages.queue(trx, {
          channel: 'email',
          recipient: email,
          template: 'reports.deadline_digest',
          language: 'vi',
          params: {
            unit: unit?.name ?? '',
            overdue,
            dueSoon: list.length - overdue,
            codes: sorted
              .slice(0, 20)
              .map((r) => r.tracking_code)
              .join(', '),
          },
          reportId: null,
        });
      });
    }
  }

  /** Every report to group must be within the actor's reach. */
  async function groupable(trx: Kysely<DB>, actor: Actor, reportIds: readonly string[]) {
    const rows = await repository.reportsForUpdate(trx, reportIds);
    const reachableAll =
      rows.length === new Set(reportIds).size &&
      rows.every((r) => {
        const target = r.handling_agency_id
          ? {
              agencyId: r.handling_agency_id,
              level: r.scope_level ?? ('national' as const),
              provinceCode: r.province_code,
              communeCode: r.commune_code,
            }
          : { agencyId: '*', level: 'national' as const, provinceCode: null, communeCode: null };
        return decide(actor, 'case.manage', target) === 'allow';
      });
    if (!reachableAll) {
      throw new AppError('case.report_out_of_reach', 'A report is outside your unit’s reach');
    }
  }

  async function caseInReach(actor: Actor, caseId: string) {
    const row = await repository.caseById(db, caseId);
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

  function toCase(
    row: {
      id: string;
      code: string;
      title: string;
      agency_id: string;
      agency_name: string;
      created_at: Date;
    },
    totals: { report_count: number; total_loss: number | null; provinces: string[] } | undefined,
  ): Case {
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      reportCount: Number(totals?.report_count ?? 0),
      totalLossVnd: Number(totals?.total_loss ?? 0),
      provinceCodes: [...(totals?.provinces ?? [])].sort(),
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  async function caseDetail(context: RequestContext, caseId: string): Promise<CaseDetail> {
    const actor = actorOf(context);
    if (!mayEver(actor, 'case.manage')) throw forbidden();
    const row = await caseInReach(actor, caseId);
    const [totals] = await repository.caseTotals(db, [caseId]);
    const reports = await repository.rowsOfCase(db, caseId);
    return { ...toCase(row, totals), reports: reports.map(toReport) };
  }
}

export type ReportsService = ReturnType<typeof createReportsService>;
