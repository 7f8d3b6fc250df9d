import type { AuditEntry, AuditPage, AuditQuery, AuditVerification } from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { mayEver, reachOf } from '../../shared/policy.js';
import { ChainVerifier } from './audit-chain.js';
import { toChained, type AuditRepository, type AuditRow } from './audit.repository.js';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string | null;
  targetAgencyId?: string | null;
  /** True when the action read or wrote personal data (names, contacts, identifiers of people). */
  personalData?: boolean;
  details?: Record<string, unknown>;
  /** Who acted when there is no signed-in actor (for example a failed sign-in names the username). */
  actorUsername?: string;
}

export interface AuditRecorder {
  /** Appends one entry in the caller's transaction, so the entry exists if and only if the change does. */
  record(trx: Kysely<DB>, context: RequestContext, event: AuditEvent): Promise<void>;
  /** Appends several entries, in order, with one wait for the chain (work done for many requests at once). */
  recordAll(
    trx: Kysely<DB>,
    entries: ReadonlyArray<{ context: RequestContext; event: AuditEvent }>,
  ): Promise<void>;
}

export function createAuditService(deps: { db: Kysely<DB>; repository: AuditRepository; clock: Clock }) {
  const { db, repository, clock } = deps;

  const fieldsOf = (context: RequestContext, event: AuditEvent, occurredAt: string) => {
    const actor = context.actor;
    return {
      occurredAt,
      actorKind: actor ? actor.kind : context.reason === 'system' ? 'system' : 'anonymous',
      actorUserId: actor?.kind === 'user' ? actor.userId : null,
      actorUsername: actor?.kind === 'user' ? actor.username : (event.actorUsername ?? null),
      actorApiKeyId: actor?.kind === 'api_key' ? actor.apiKeyId : null,
      actorAgencyId: actor?.agency.id ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      targetAgencyId: event.targetAgencyId ?? null,
      personalData: event.personalData ?? false,
      reason: context.reason,
      ip: context.ip,
      userAgent: context.userAgent,
      requestId: context.requestId,
      details: event.details ?? {},
    };
  };

  const recorder: AuditRecorder = {
    async record(trx, context, event) {
      await recorder.recordAll(trx, [{ context, event }]);
    },
    async recordAll(trx, entries) {
      const occurredAt = clock.now().toISOString();
      await repository.appendAll(
        trx,
        entries.map(({ context, event }) => fieldsOf(context, event, occurredAt)),
      );
    },
  };

  return {
    ...recorder,

    async list(context: RequestContext, query: AuditQuery): Promise<AuditPage> {
      const actor = context.actor;
      if (!actor) throw new AppError('auth.required', 'Sign in first');
      if (!mayEver(actor, 'audit.read')) throw forbidden();
      const page = await db.transaction().execute(async (trx) => {
        const result = await repository.list(trx, { ...query, reach: reachOf(actor, 'audit.read') });
        await recorder.record(trx, context, {
          action: 'audit.list',
          targetType: 'audit_log',
          personalData: true,
          details: { filters: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) },
        });
        return result;
      });
      return { items: page.items.map(toAuditEntry), total: page.total };
    },

    async verify(context: RequestContext | null): Promise<AuditVerification> {
      if (context) {
        const actor = context.actor;
        if (!actor) throw new AppError('auth.required', 'Sign in first');
        if (reachOf(actor, 'audit.verify').kind !== 'all') throw forbidden();
      }
      const verifier = new ChainVerifier();
      let after = 0;
      for (;;) {
        const batch = await repository.batchAfter(db, after, 2000);
        if (batch.length === 0) break;
        if (!verifier.feed(batch.map(toChained))) break;
        after = Number(batch[batch.length - 1]!.seq);
      }
      return verifier.result();
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

function toAuditEntry(row: AuditRow): AuditEntry {
  const { prevHash: _previous, details, ...fields } = toChained(row);
  return { ...fields, actorKind: row.actor_kind, details: (details ?? {}) as Record<string, unknown> };
}
