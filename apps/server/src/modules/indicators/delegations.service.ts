import type { CreateDelegationRequest, Delegation } from '@khien/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { NATIONWIDE, actorOf, requireNationwide } from '../../shared/authorize.js';
import { newId } from '../../shared/ids.js';
import { decide } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import type { IndicatorsRepository } from './indicators.repository.js';

/**
 * Police agencies let other agencies decide on registry entries of some kinds (a bank on accounts, the
 * department of science and technology on sites). Every grant and revocation is audited.
 */
export function createDelegationsService(deps: {
  db: Kysely<DB>;
  repository: IndicatorsRepository;
  audit: AuditRecorder;
  clock: Clock;
  agencyExists: (id: string) => Promise<boolean>;
}) {
  const { db, repository, audit, clock } = deps;

  const requireManager = (context: RequestContext) => requireNationwide(context, 'delegation.manage');

  return {
    /** The police agency's own grants; any other agency sees the grants made to it. */
    async list(context: RequestContext): Promise<{ items: Delegation[] }> {
      const actor = actorOf(context);
      const police = decide(actor, 'delegation.manage', NATIONWIDE) === 'allow';
      const rows = await repository.delegations(
        db,
        police ? { policeAgencyId: actor.agency.id } : { delegateAgencyId: actor.agency.id },
      );
      return { items: rows.map(toDelegation) };
    },

    async grant(context: RequestContext, input: CreateDelegationRequest): Promise<Delegation> {
      const actor = requireManager(context);
      if (input.delegateAgencyId === actor.agency.id || !(await deps.agencyExists(input.delegateAgencyId)))
        throw notFound('Agency');
      const row = await db.transaction().execute(async (trx) => {
        const created = await repository.insertDelegation(trx, {
          id: newId(),
          police_agency_id: actor.agency.id,
          delegate_agency_id: input.delegateAgencyId,
          kinds: [...new Set(input.kinds)],
          reason: input.reason,
          created_by: actor.kind === 'user' ? actor.userId : null,
          created_at: clock.now(),
          revoked_at: null,
          revoked_by: null,
        });
        await audit.record(trx, context, {
          action: 'delegation.grant',
          targetType: 'agency',
          targetId: input.delegateAgencyId,
          targetAgencyId: input.delegateAgencyId,
          details: { kinds: created.kinds },
        });
        return created;
      });
      return toDelegation(row);
    },

    async revoke(context: RequestContext, id: string): Promise<void> {
      const actor = requireManager(context);
      const row = await repository.delegationById(db, id);
      if (!row || row.police_agency_id !== actor.agency.id) throw notFound('Delegation');
      await db.transaction().execute(async (trx) => {
        await repository.revokeDelegation(trx, id, clock.now(), actor.kind === 'user' ? actor.userId : null);
        await audit.record(trx, context, {
          action: 'delegation.revoke',
          targetType: 'agency',
          targetId: row.delegate_agency_id,
          targetAgencyId: row.delegate_agency_id,
        });
      });
    },
  };
}

export type DelegationsService = ReturnType<typeof createDelegationsService>;

function toDelegation(row: Selectable<DB['registry_delegations']>): Delegation {
  return {
    id: row.id,
    policeAgencyId: row.police_agency_id,
    delegateAgencyId: row.delegate_agency_id,
    kinds: row.kinds as Delegation['kinds'],
    reason: row.reason,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}
