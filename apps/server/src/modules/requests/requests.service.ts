import type {
  AgencyRequest,
  AgencyRequestDetail,
  AgencyType,
  AnswerRequestBody,
  CreateRequestBody,
  ForwardHoldsBody,
  ReasonBody,
  RenewHoldBody,
  RequestEventType,
  RequestListQuery,
  RequestStatus,
  RequestTimeLimits,
  RequestType,
  WebhookEventType,
} from '@khien/contracts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden } from '../../shared/app-error.js';
import { actorOf, requireNationwide } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import type { DataCipher } from '../../shared/data-cipher.js';
import { newId, readableCode } from '../../shared/ids.js';
import { decide, mayEver, type Action, type Actor } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import {
  REQUEST_ROUTES,
  agencyForBank,
  canMove,
  checkHoldAnswer,
  checkRoute,
  dueAt,
  escalationLevel,
  holdExpiry,
  isOpen,
  onwardHolds,
  splitAnswer,
  splitDetails,
  stillHeld,
  subjectOf,
  supervisorOf,
  targetKeysOf,
} from './request.js';
import type { RequestRow, RequestsRepository } from './requests.repository.js';
import type { WebhooksService } from './webhooks.service.js';

const BANK_TYPES: readonly AgencyType[] = REQUEST_ROUTES.hold.to;
const requestNotFound = () => new AppError('request.not_found', 'No request of your agency has this id');

/** Messages to staff about overdue requests (the notifications outbox). */
export interface StaffMessages {
  queue(
    trx: Kysely<DB>,
    message: {
      channel: 'email';
      recipient: string;
      template: 'request.overdue';
      language: 'vi';
      params: Record<string, string | number | null>;
      reportId: null;
    },
  ): Promise<string>;
}

export interface RequestsDependencies {
  db: Kysely<DB>;
  repository: RequestsRepository;
  webhooks: WebhooksService;
  audit: AuditRecorder;
  clock: Clock;
  cipher: DataCipher;
  messages: StaffMessages;
}

interface Personal {
  details?: Record<string, unknown>;
  answer?: Record<string, unknown>;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const ownTarget = (agency: Actor['agency']) => ({
  agencyId: agency.id,
  level: agency.level,
  provinceCode: agency.provinceCode,
  communeCode: agency.communeCode,
});

const principalOf = (actor: Actor) => ({
  user: actor.kind === 'user' ? actor.userId : null,
  apiKey: actor.kind === 'api_key' ? actor.apiKeyId : null,
});

/**
 * Inter-agency requests (ADR 0008): police ask banks to hold money and telcos, the department and
 * platforms for information and takedowns; banks send notices. Every change is one transaction with its
 * history, audit entry and webhook events; the rules are in request.ts.
 */
export function createRequestsService(deps: RequestsDependencies) {
  const { db, repository, webhooks, audit, clock, cipher } = deps;

  /** The actor's own agency may do this (the grant is own_agency for every request action). */
  function may(actor: Actor, action: Action): boolean {
    return decide(actor, action, ownTarget(actor.agency)) === 'allow';
  }

  function require(context: RequestContext, action: Action): Actor {
    const actor = actorOf(context);
    if (!may(actor, action)) throw forbidden();
    return actor;
  }

  function personalOf(row: Pick<Selectable<DB['requests']>, 'personal_encrypted'>): Personal {
    return row.personal_encrypted ? (JSON.parse(cipher.decrypt(row.personal_encrypted)) as Personal) : {};
  }

  /**
   * The request as the API shows it to `viewer` (an agency id; null for webhooks): personal details to
   * the two parties, personal answers to the sender only.
   */
  function viewOf(row: RequestRow, viewer: string | null, personal: Personal = {}): AgencyRequest {
    const party = viewer === row.sender_agency_id || viewer === row.recipient_agency_id;
    const sender = viewer === row.sender_agency_id;
    const open = isOpen(row.status);
    return {
      id: row.id,
      code: row.code,
      type: row.type,
      status: row.status,
      senderAgencyId: row.sender_agency_id,
      senderAgencyName: row.sender_agency_name,
      recipientAgencyId: row.recipient_agency_id,
      recipientAgencyName: row.recipient_agency_name,
      reportId: row.report_id,
      reportTrackingCode: row.report_tracking_code,
      caseId: row.case_id,
      parentId: row.parent_id,
      legalBasis: row.legal_basis,
      reason: row.reason,
      subject: row.subject,
      details: { ...row.details, ...(party ? personal.details : {}) },
      answer: row.answer === null ? null : { ...row.answer, ...(sender ? personal.answer : {}) },
      refusalReason: row.refusal_reason,
      sentAt: iso(row.sent_at)!,
      dueAt: iso(row.due_at)!,
      acknowledgedAt: iso(row.acknowledged_at),
      answeredAt: iso(row.answered_at),
      overdue: open && new Date(row.due_at).getTime() < clock.nowMs(),
      escalationLevel: row.escalation_level,
      amountVnd: row.amount_vnd === null ? null : Number(row.amount_vnd),
      heldVnd: row.held_vnd === null ? null : Number(row.held_vnd),
      holdExpiresAt: iso(row.hold_expires_at),
      holdState: row.hold_state,
      reappeared:
        Number(row.reappeared_reports ?? 0) > 0
          ? { reports: Number(row.reappeared_reports), lastReportedAt: iso(row.reappeared_last)! }
          : null,
    };
  }

  async function rowOrThrow(trx: Kysely<DB>, id: string): Promise<RequestRow> {
    const row = await repository.byId(trx, id);
    if (!row) throw requestNotFound();
    return row;
  }

  /** Events for the webhooks of an agency, with the request as its receivers may see it. */
  async function tell(trx: Kysely<DB>, agencyId: string, type: WebhookEventType, id: string) {
    const row = await rowOrThrow(trx, id);
    return webhooks.enqueue(trx, agencyId, type, viewOf(row, null));
  }

  function event(
    requestId: string,
    type: RequestEventType,
    actor: Actor | null,
    reason: string | null,
    details: Record<string, unknown> = {},
  ): Insertable<DB['request_events']> {
    const who = actor ? principalOf(actor) : { user: null, apiKey: null };
    return {
      id: newId(),
      request_id: requestId,
      type,
      reason,
      actor_user_id: who.user,
      actor_api_key_id: who.apiKey,
      agency_id: actor?.agency.id ?? null,
      details: JSON.stringify(details),
      created_at: clock.now(),
    };
  }

  /** Runs a change and, once it is committed, posts the webhook events it wrote. */
  async function change<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(work);
    webhooks.deliverSoon();
    return result;
  }

  /** The request, locked, when the actor's agency is the side that may do this. */
  async function lockedFor(
    trx: Kysely<DB>,
    actor: Actor,
    id: string,
    side: 'sender' | 'recipient',
    to: RequestStatus,
  ) {
    const row = await repository.lock(trx, id);
    const visible =
      row && (row.sender_agency_id === actor.agency.id || row.recipient_agency_id === actor.agency.id);
    if (!row || !visible) throw requestNotFound();
    const own = side === 'sender' ? row.sender_agency_id : row.recipient_agency_id;
    if (own !== actor.agency.id) throw forbidden();
    if (!canMove(row.status, to))
      throw new AppError('request.transition_not_allowed', `A request that is ${row.status} cannot be ${to}`);
    return row;
  }

  async function checkReport(actor: Actor, reportId: string | undefined, caseId: string | undefined) {
    if (reportId) {
      const place = await repository.reportPlace(db, reportId);
      const target = place?.agency_id
        ? {
            agencyId: place.agency_id,
            level: place.scope_level!,
            provinceCode: place.province_code,
            communeCode: place.commune_code,
          }
        : null;
      if (!place || !target || decide(actor, 'report.read', target) !== 'allow')
        throw new AppError('request.report_out_of_reach', 'No report of yours has this id');
      return { reportId, caseId: caseId ?? place.case_id };
    }
    if (caseId) {
      const place = await repository.casePlace(db, caseId);
      const target = place && {
        agencyId: place.agency_id,
        level: place.scope_level,
        provinceCode: place.province_code,
        communeCode: place.commune_code,
      };
      if (!target || decide(actor, 'case.manage', target) !== 'allow')
        throw new AppError('request.report_out_of_reach', 'No case of yours has this id');
    }
    return { reportId: null, caseId: caseId ?? null };
  }

  /** A hold named by a release or a review, between the right two agencies. */
  async function namedHold(holdId: string, bank: string, police: string) {
    const hold = await repository.byId(db, holdId);
    if (
      !hold ||
      hold.type !== 'hold' ||
      hold.recipient_agency_id !== bank ||
      hold.sender_agency_id !== police
    )
      throw new AppError('request.release_invalid', 'The hold named is not one between these two agencies');
    return hold;
  }

  async function detailOf(
    context: RequestContext,
    actor: Actor,
    row: RequestRow,
  ): Promise<AgencyRequestDetail> {
    const viewer = actor.agency.id;
    const sender = viewer === row.sender_agency_id;
    const personal = personalOf(row);
    const shown: Personal = { details: personal.details, answer: sender ? personal.answer : undefined };
    if (shown.details || shown.answer) {
      // Reading personal data (a holder's ID number, subscribers) is audited as such.
      await audit.record(db, context, {
        action: 'request.read_personal',
        targetType: 'request',
        targetId: row.id,
        targetAgencyId: viewer,
        personalData: true,
        details: { code: row.code, fields: Object.keys({ ...shown.details, ...shown.answer }) },
      });
    }
    const [events, children] = await Promise.all([
      repository.events(db, row.id),
      repository.children(db, row.id),
    ]);
    return {
      ...viewOf(row, viewer, shown),
      history: events.map((e) => ({
        id: e.id,
        type: e.type as RequestEventType,
        reason: e.reason,
        actorName: e.user_name ?? e.api_key_name ?? null,
        agencyName: e.agency_name,
        details: e.details,
        at: iso(e.created_at)!,
      })),
      children: children.map((child) => viewOf(child, viewer)),
      forwardedTransfers: children
        .map((child) => child.parent_transfer_index)
        .filter((index): index is number => index !== null),
    };
  }

  async function visible(context: RequestContext, id: string) {
    const actor = require(context, 'request.read');
    const row = await repository.byId(db, id);
    if (!row || (row.sender_agency_id !== actor.agency.id && row.recipient_agency_id !== actor.agency.id))
      throw requestNotFound();
    return { actor, row };
  }

  async function insertRequest(
    trx: Kysely<DB>,
    actor: Actor,
    input: {
      type: RequestType;
      recipientAgencyId: string;
      legalBasis: string;
      reason: string;
      reportId: string | null;
      caseId: string | null;
      parentId?: string;
      parentTransferIndex?: number;
      details: Record<string, unknown>;
      subject: string;
      amountVnd: number | null;
    },
  ): Promise<string> {
    const now = clock.now();
    const limits = await repository.timeLimits(trx);
    const { plain, personal } = splitDetails(input.type, input.details);
    const who = principalOf(actor);
    const id = newId();
    await repository.insert(trx, [
      {
        id,
        code: `YC-${readableCode(8)}`,
        type: input.type,
        status: 'sent',
        sender_agency_id: actor.agency.id,
        sender_user_id: who.user,
        sender_api_key_id: who.apiKey,
        recipient_agency_id: input.recipientAgencyId,
        report_id: input.reportId,
        case_id: input.caseId,
        parent_id: input.parentId ?? null,
        parent_transfer_index: input.parentTransferIndex ?? null,
        legal_basis: input.legalBasis,
        reason: input.reason,
        subject: input.subject,
        details: JSON.stringify(plain),
        answer: null,
        personal_encrypted: personal ? cipher.encrypt(JSON.stringify({ details: personal })) : null,
        refusal_reason: null,
        amount_vnd: input.amountVnd,
        held_vnd: null,
        hold_expires_at: null,
        hold_state: null,
        sent_at: now,
        due_at: dueAt(input.type, now, limits),
        acknowledged_at: null,
        answered_at: null,
        closed_at: null,
        escalation_level: 0,
        answered_by_user_id: null,
        answered_by_api_key_id: null,
        target_keys: input.type === 'takedown' ? targetKeysOf(String(input.details.target)) : [],
      },
    ]);
    await repository.insertEvents(trx, [
      event(id, 'sent', actor, input.reason, input.parentId ? { forwardedFrom: input.parentId } : {}),
    ]);
    await tell(trx, input.recipientAgencyId, 'request.created', id);
    return id;
  }

  /**
   * Ends an open request with a reason: refused by the recipient, or cancelled by the sender; the other
   * side is told.
   */
  async function closeWithReason(
    context: RequestContext,
    actor: Actor,
    id: string,
    to: 'refused' | 'cancelled',
    reason: string,
  ): Promise<AgencyRequestDetail> {
    await change(async (trx) => {
      const side = to === 'refused' ? 'recipient' : 'sender';
      const row = await lockedFor(trx, actor, id, side, to);
      const now = clock.now();
      const who = principalOf(actor);
      await repository.update(
        trx,
        id,
        to === 'refused'
          ? {
              status: 'refused',
              refusal_reason: reason,
              answered_at: now,
              closed_at: now,
              answered_by_user_id: who.user,
              answered_by_api_key_id: who.apiKey,
            }
          : { status: 'cancelled', closed_at: now },
      );
      await repository.insertEvents(trx, [event(id, to, actor, reason)]);
      const other = side === 'recipient' ? row.sender_agency_id : row.recipient_agency_id;
      await audit.record(trx, context, {
        action: to === 'refused' ? 'request.refuse' : 'request.cancel',
        targetType: 'request',
        targetId: id,
        targetAgencyId: other,
      });
      await tell(trx, other, to === 'refused' ? 'request.refused' : 'request.cancelled', id);
    });
    return detailOf(context, actor, await rowOrThrow(db, id));
  }

  const service = {
    /** How long recipients have to answer, by kind of request: every request's sender and recipient see it. */
    async timeLimits(context: RequestContext): Promise<RequestTimeLimits> {
      const actor = actorOf(context);
      if (!mayEver(actor, 'request.read') && !mayEver(actor, 'request.policy')) throw forbidden();
      return repository.timeLimits(db);
    },

    /** Changes the time limits (national administrators); requests already sent keep their due time. */
    async updateTimeLimits(context: RequestContext, limits: RequestTimeLimits): Promise<RequestTimeLimits> {
      const actor = requireNationwide(context, 'request.policy');
      await db.transaction().execute(async (trx) => {
        await repository.updateTimeLimits(
          trx,
          limits,
          actor.kind === 'user' ? actor.userId : null,
          clock.now(),
        );
        await audit.record(trx, context, {
          action: 'request.policy',
          targetType: 'request_time_limits',
          details: { ...limits },
        });
      });
      return limits;
    },

    async list(context: RequestContext, query: RequestListQuery) {
      const actor = require(context, 'request.read');
      const page = await repository.list(db, actor.agency.id, query, clock.now());
      return { items: page.items.map((row) => viewOf(row, actor.agency.id)), total: page.total };
    },

    async get(context: RequestContext, id: string): Promise<AgencyRequestDetail> {
      const { actor, row } = await visible(context, id);
      return detailOf(context, actor, row);
    },

    /** Agencies that may receive a type of request from the actor's agency. */
    async recipients(context: RequestContext, type: RequestType, q?: string) {
      require(context, 'request.read');
      const rows = await repository.agenciesOfTypes(db, REQUEST_ROUTES[type].to, q);
      return { items: rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name })) };
    },

    async create(context: RequestContext, input: CreateRequestBody): Promise<AgencyRequestDetail> {
      const actor = require(context, 'request.send');
      const recipient = await repository.agency(db, input.recipientAgencyId);
      if (!recipient || !recipient.active)
        throw new AppError('request.recipient_unknown', 'No active agency has this id');
      const route = checkRoute(input.type, actor.agency.type, recipient.type as AgencyType);
      if (!route.ok)
        throw new AppError(
          route.code,
          route.code === 'request.sender_not_allowed'
            ? `An agency of type ${actor.agency.type} does not send ${input.type} requests`
            : `An agency of type ${recipient.type} does not receive ${input.type} requests`,
        );
      const { reportId, caseId } = await checkReport(actor, input.reportId, input.caseId);
      let subject: string;
      let amountVnd: number | null = null;
      const details = input.details as Record<string, unknown>;
      if (input.type === 'release' || input.type === 'hold_review') {
        const holdId = input.details.holdRequestId;
        const hold =
          input.type === 'release'
            ? await namedHold(holdId, recipient.id, actor.agency.id)
            : await namedHold(holdId, actor.agency.id, recipient.id);
        subject = `${hold.code}: ${hold.subject}`;
        if (input.type === 'release') {
          const left = stillHeld(Number(hold.held_vnd ?? 0), await repository.settledOfHold(db, hold.id), 0);
          if (hold.hold_state !== 'active' || input.details.amountVnd > left)
            throw new AppError(
              'request.release_invalid',
              `The hold ${hold.code} is not active or holds less than ${input.details.amountVnd} VND`,
            );
          amountVnd = input.details.amountVnd;
        }
      } else {
        subject = subjectOf(input.type, details);
        if (input.type === 'hold') amountVnd = input.details.amountVnd;
      }
      const id = await change(async (trx) => {
        const created = await insertRequest(trx, actor, {
          type: input.type,
          recipientAgencyId: recipient.id,
          legalBasis: input.legalBasis,
          reason: input.reason,
          reportId,
          caseId,
          details,
          subject,
          amountVnd,
        });
        await audit.record(trx, context, {
          action: 'request.send',
          targetType: 'request',
          targetId: created,
          targetAgencyId: recipient.id,
          personalData: input.type === 'suspicious_account_notice',
          details: { type: input.type, reportId },
        });
        return created;
      });
      return detailOf(context, actor, await rowOrThrow(db, id));
    },

    async acknowledge(context: RequestContext, id: string): Promise<AgencyRequestDetail> {
      const actor = require(context, 'request.answer');
      await change(async (trx) => {
        await lockedFor(trx, actor, id, 'recipient', 'acknowledged');
        await repository.update(trx, id, { status: 'acknowledged', acknowledged_at: clock.now() });
        await repository.insertEvents(trx, [event(id, 'acknowledged', actor, null)]);
      });
      return detailOf(context, actor, await rowOrThrow(db, id));
    },

    async answer(
      context: RequestContext,
      id: string,
      input: AnswerRequestBody,
    ): Promise<AgencyRequestDetail> {
      const actor = require(context, 'request.answer');
      await change(async (trx) => {
        const row = await lockedFor(trx, actor, id, 'recipient', 'answered');
        if (input.type !== row.type)
          throw new AppError('request.answer_type_mismatch', `This request is a ${row.type} request`);
        const now = clock.now();
        const { type: _type, ...fields } = input;
        const { plain, personal } = splitAnswer(row.type, fields as Record<string, unknown>);
        const who = principalOf(actor);
        const ledger: Array<Insertable<DB['recovery_ledger']>> = [];
        const patch: Parameters<RequestsRepository['update']>[2] = {
          status: 'answered',
          answered_at: now,
          closed_at: now,
          answered_by_user_id: who.user,
          answered_by_api_key_id: who.apiKey,
          answer: JSON.stringify(plain),
        };
        if (personal) {
          const kept = personalOf(row);
          patch.personal_encrypted = cipher.encrypt(JSON.stringify({ ...kept, answer: personal }));
        }
        const entry = (
          kind: 'held' | 'released',
          amount: number,
          confirmation: string,
          requestId: string,
        ) => ({
          id: newId(),
          report_id: row.report_id,
          request_id: requestId,
          kind,
          amount_vnd: amount,
          bank: null as string | null,
          confirmation,
          note: null,
          agency_id: actor.agency.id,
          recorded_by_user_id: who.user,
          recorded_by_api_key_id: who.apiKey,
          created_at: now,
        });
        const bank = (await repository.agency(trx, row.recipient_agency_id))?.short_name ?? null;
        if (input.type === 'hold') {
          const check = checkHoldAnswer(Number(row.amount_vnd), input);
          if (!check.ok)
            throw new AppError(
              check.code,
              check.code === 'request.hold_more_than_asked'
                ? `Hold at most the ${row.amount_vnd} VND asked`
                : check.code === 'request.hold_more_than_balance'
                  ? 'Hold at most the balance'
                  : 'Amounts are whole numbers of VND, zero or more',
            );
          patch.held_vnd = input.heldVnd;
          if (input.heldVnd > 0) {
            patch.hold_state = 'active';
            patch.hold_expires_at = holdExpiry(now, Number(row.details.durationHours ?? 72));
            ledger.push({ ...entry('held', input.heldVnd, input.confirmation, row.id), bank });
          }
        }
        if (input.type === 'release') {
          const holdId = String(row.details.holdRequestId);
          const hold = await repository.lock(trx, holdId);
          const left = stillHeld(Number(hold?.held_vnd ?? 0), await repository.settledOfHold(trx, holdId), 0);
          if (!hold || hold.hold_state !== 'active' || input.releasedVnd > left)
            throw new AppError('request.ledger_more_than_held', `At most ${left} VND is still held`);
          if (input.releasedVnd > 0)
            ledger.push({ ...entry('released', input.releasedVnd, input.confirmation, row.id), bank });
          if (input.releasedVnd >= left) {
            await repository.update(trx, holdId, { hold_state: 'released' });
            await repository.insertEvents(trx, [
              event(holdId, 'answered', actor, null, { released: true, releaseRequestId: row.id }),
            ]);
          }
        }
        await repository.update(trx, id, patch);
        await repository.insertLedger(trx, ledger);
        await repository.insertEvents(trx, [
          event(id, 'answered', actor, null, {
            ...(input.type === 'hold'
              ? { heldVnd: input.heldVnd, onwardTransfers: input.onwardTransfers.length }
              : {}),
            ...(input.type === 'takedown' ? { doneAt: input.doneAt } : {}),
          }),
        ]);
        await audit.record(trx, context, {
          action: 'request.answer',
          targetType: 'request',
          targetId: id,
          targetAgencyId: row.sender_agency_id,
          personalData: personal !== null,
          details: { type: row.type },
        });
        await tell(trx, row.sender_agency_id, 'request.answered', id);
      });
      return detailOf(context, actor, await rowOrThrow(db, id));
    },

    async refuse(context: RequestContext, id: string, input: ReasonBody): Promise<AgencyRequestDetail> {
      return closeWithReason(context, require(context, 'request.answer'), id, 'refused', input.reason);
    },

    async cancel(context: RequestContext, id: string, input: ReasonBody): Promise<AgencyRequestDetail> {
      return closeWithReason(context, require(context, 'request.send'), id, 'cancelled', input.reason);
    },

    /** Keeps a hold beyond its expiry, with a reason (due process: holds lapse unless renewed). */
    async renew(context: RequestContext, id: string, input: RenewHoldBody): Promise<AgencyRequestDetail> {
      const actor = require(context, 'request.send');
      await change(async (trx) => {
        const row = await repository.lock(trx, id);
        if (!row || (row.sender_agency_id !== actor.agency.id && row.recipient_agency_id !== actor.agency.id))
          throw requestNotFound();
        if (row.sender_agency_id !== actor.agency.id) throw forbidden();
        if (row.type !== 'hold' || row.hold_state !== 'active')
          throw new AppError('request.hold_not_active', 'Only an active hold can be renewed');
        const now = clock.now();
        const until = holdExpiry(
          now,
          input.hours,
          row.hold_expires_at ? new Date(row.hold_expires_at) : null,
        );
        await repository.update(trx, id, { hold_expires_at: until });
        await repository.insertEvents(trx, [
          event(id, 'renewed', actor, input.reason, { hours: input.hours, until: until.toISOString() }),
        ]);
        await audit.record(trx, context, {
          action: 'request.renew',
          targetType: 'request',
          targetId: id,
          targetAgencyId: row.recipient_agency_id,
          details: { until: until.toISOString() },
        });
        await tell(trx, row.recipient_agency_id, 'hold.renewed', id);
      });
      return detailOf(context, actor, await rowOrThrow(db, id));
    },

    /**
     * The money trail's next hop in one action: the chosen onward transfers of an answered hold become
     * hold requests to the banks they went to, for the part of the disputed money each can carry.
     */
    async forward(
      context: RequestContext,
      id: string,
      input: ForwardHoldsBody,
    ): Promise<{ items: AgencyRequest[] }> {
      const actor = require(context, 'request.send');
      const parent = await repository.byId(db, id);
      if (
        !parent ||
        (parent.sender_agency_id !== actor.agency.id && parent.recipient_agency_id !== actor.agency.id)
      )
        throw requestNotFound();
      if (parent.sender_agency_id !== actor.agency.id) throw forbidden();
      if (parent.type !== 'hold' || parent.status !== 'answered')
        throw new AppError('request.not_forwardable', 'Only an answered hold has onward transfers to follow');
      const transfers = (
        (parent.answer?.onwardTransfers ?? []) as Array<{
          bank: string;
          account: string;
          amountVnd: number;
          at: string;
          reference?: string;
        }>
      ).map((transfer, index) => ({ ...transfer, index, at: new Date(transfer.at) }));
      const traced = onwardHolds(Number(parent.amount_vnd), Number(parent.held_vnd ?? 0), transfers);
      const banks = await repository.agenciesOfTypes(db, BANK_TYPES);
      const plans: Array<{ transfer: (typeof transfers)[number]; holdVnd: number; recipientId: string }> = [];
      for (const choice of input.transfers) {
        const transfer = transfers[choice.index];
        const hold = traced.find((t) => t.index === choice.index);
        if (!transfer || !hold)
          throw new AppError(
            'request.not_forwardable',
            `Onward transfer ${choice.index} does not carry any of the disputed money`,
          );
        const recipient = choice.recipientAgencyId
          ? banks.find((bank) => bank.id === choice.recipientAgencyId)
          : agencyForBank(
              transfer.bank,
              banks.map((bank) => ({ ...bank, shortName: bank.short_name })),
            );
        if (!recipient)
          throw new AppError(
            'request.recipient_unknown',
            `No bank on the platform is known as ${transfer.bank}; choose the recipient`,
          );
        plans.push({ transfer, holdVnd: hold.holdVnd, recipientId: recipient.id });
      }
      const ids = await change(async (trx) => {
        const created: string[] = [];
        const forwarded = new Set(
          (await repository.children(trx, id)).map((child) => child.parent_transfer_index),
        );
        for (const plan of plans) {
          if (forwarded.has(plan.transfer.index))
            throw new AppError(
              'request.transfer_already_forwarded',
              `Onward transfer ${plan.transfer.index} was already forwarded`,
            );
          forwarded.add(plan.transfer.index);
          const details = {
            account: { bank: plan.transfer.bank, account: plan.transfer.account },
            amountVnd: plan.holdVnd,
            durationHours: Number(parent.details.durationHours ?? 72),
          };
          created.push(
            await insertRequest(trx, actor, {
              type: 'hold',
              recipientAgencyId: plan.recipientId,
              legalBasis: input.legalBasis ?? parent.legal_basis,
              reason: `Theo dấu dòng tiền từ yêu cầu ${parent.code} (${parent.subject}): ${plan.transfer.amountVnd} VND chuyển đi lúc ${plan.transfer.at.toISOString()}${plan.transfer.reference ? `, mã giao dịch ${plan.transfer.reference}` : ''}`,
              reportId: parent.report_id,
              caseId: parent.case_id,
              parentId: parent.id,
              parentTransferIndex: plan.transfer.index,
              details,
              subject: subjectOf('hold', details),
              amountVnd: plan.holdVnd,
            }),
          );
        }
        await repository.insertEvents(trx, [
          event(id, 'forwarded', actor, null, {
            requests: created,
            transfers: plans.map((p) => p.transfer.index),
          }),
        ]);
        await audit.record(trx, context, {
          action: 'request.forward',
          targetType: 'request',
          targetId: id,
          targetAgencyId: parent.recipient_agency_id,
          details: { created },
        });
        return created;
      });
      const rows = await Promise.all(ids.map((created) => rowOrThrow(db, created)));
      return { items: rows.map((row) => viewOf(row, actor.agency.id)) };
    },

    /**
     * Escalates open requests past their time (job `requests.escalate`, every minute): level 1 tells the
     * recipient's supervisors and the sender, level 2 also the supervising authority. Answers how many
     * requests moved up.
     */
    async escalate(): Promise<number> {
      const now = clock.now();
      return change(async (trx) => {
        const rows = await repository.overdue(trx, now, 200);
        let moved = 0;
        for (const row of rows) {
          const level = escalationLevel(new Date(row.sent_at), new Date(row.due_at), now);
          if (level <= row.escalation_level) continue;
          moved++;
          await repository.update(trx, row.id, { escalation_level: level });
          const recipient = await repository.agency(trx, row.recipient_agency_id);
          const minutes = Math.round((now.getTime() - new Date(row.due_at).getTime()) / 60_000);
          await repository.insertEvents(trx, [event(row.id, 'escalated', null, null, { level, minutes })]);
          const agencies = [row.recipient_agency_id];
          const supervising = recipient ? supervisorOf(recipient.type as AgencyType) : null;
          if (level === 2 && supervising)
            for (const agency of await repository.supervisingAgencies(
              trx,
              supervising,
              recipient!.province_code,
            ))
              agencies.push(agency.id);
          const staff = await repository.staffToTell(trx, agencies, ['supervisor', 'admin']);
          const senderEmail = row.sender_user_id ? await repository.userEmail(trx, row.sender_user_id) : null;
          const emails = new Set(staff.map((user) => user.email!));
          if (senderEmail) emails.add(senderEmail);
          for (const email of emails)
            await deps.messages.queue(trx, {
              channel: 'email',
              recipient: email,
              template: 'request.overdue',
              language: 'vi',
              params: { code: row.code, type: row.type, level, unit: recipient?.name ?? '', minutes },
              reportId: null,
            });
          await tell(trx, row.recipient_agency_id, 'request.escalated', row.id);
          await tell(trx, row.sender_agency_id, 'request.escalated', row.id);
        }
        return moved;
      });
    },

    /**
     * Lapses holds past their expiry that were not renewed (job `requests.expire-holds`): the money still
     * held is released in the ledger, and the bank and the sender are told. Answers how many lapsed.
     */
    async expireHolds(): Promise<number> {
      const now = clock.now();
      return change(async (trx) => {
        const rows = await repository.expiredHolds(trx, now, 200);
        for (const row of rows) {
          const left = stillHeld(Number(row.held_vnd ?? 0), await repository.settledOfHold(trx, row.id), 0);
          await repository.update(trx, row.id, { hold_state: 'expired' });
          await repository.insertEvents(trx, [event(row.id, 'expired', null, null, { releasedVnd: left })]);
          if (left > 0)
            await repository.insertLedger(trx, [
              {
                id: newId(),
                report_id: row.report_id,
                request_id: row.id,
                kind: 'released',
                amount_vnd: left,
                bank: null,
                confirmation: null,
                note: 'hold expired',
                agency_id: null,
                recorded_by_user_id: null,
                recorded_by_api_key_id: null,
                created_at: now,
              },
            ]);
          await tell(trx, row.recipient_agency_id, 'hold.expired', row.id);
          await tell(trx, row.sender_agency_id, 'hold.expired', row.id);
        }
        return rows.length;
      });
    },
  };
  return service;
}

export type RequestsService = ReturnType<typeof createRequestsService>;
