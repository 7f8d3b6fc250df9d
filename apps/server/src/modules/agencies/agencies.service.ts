import type {
  Agency,
  AgencyListQuery,
  AgencyPage,
  ApiKey,
  CreateAgencyRequest,
  CreateApiKeyRequest,
  CreateUserRequest,
  CreatedApiKey,
  Role,
  UpdateAgencyRequest,
  UpdateUserRequest,
  User,
  UserListQuery,
  UserPage,
  ApiKeyScope,
} from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { actorOf } from '../../shared/authorize.js';
import { newId } from '../../shared/ids.js';
import { hashPassword } from '../../shared/passwords.js';
import { decide, reachOf, type Action, type Target } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import type { ReferenceService } from '../reference/index.js';
import { SCOPE_PROBLEM_TEXT, newApiKeySecret, scopeProblem, totpRequired } from './agency.js';
import type { AgenciesRepository, AgencyRow, ApiKeyRow, UserRow } from './agencies.repository.js';

export interface AgenciesDependencies {
  db: Kysely<DB>;
  repository: AgenciesRepository;
  audit: AuditRecorder;
  reference: ReferenceService;
  clock: Clock;
  totpRequiredFor: ReadonlyArray<'admin' | 'police' | 'all'>;
}

export function targetOf(agency: AgencyRow, principalId?: string): Target {
  return {
    agencyId: agency.id,
    level: agency.scope_level,
    provinceCode: agency.province_code,
    communeCode: agency.commune_code,
    ...(principalId ? { principalId } : {}),
  };
}

export function createAgenciesService(deps: AgenciesDependencies) {
  const { db, repository, audit, reference, clock } = deps;

  /** Loads an agency the actor may act on: 403 when the role never may, 404 when this record is out of reach. */
  async function reachableAgency(
    context: RequestContext,
    action: Action,
    agencyId: string,
  ): Promise<AgencyRow> {
    const actor = actorOf(context);
    const agency = await repository.agency(db, agencyId);
    const decision = agency ? decide(actor, action, targetOf(agency)) : 'deny_target';
    if (decision === 'deny_action') throw forbidden();
    if (decision === 'deny_target' || !agency) throw notFound('Agency');
    return agency;
  }

  async function agencyUser(context: RequestContext, action: Action, agencyId: string, userId: string) {
    const agency = await reachableAgency(context, action, agencyId);
    const user = await repository.user(db, userId);
    if (!user || user.agency_id !== agency.id) throw notFound('User');
    return { agency, user };
  }

  function toUser(row: UserRow): User {
    return {
      id: row.id,
      agencyId: row.agency_id,
      username: row.username,
      fullName: row.full_name,
      email: row.email,
      phone: row.phone,
      roles: row.roles as Role[],
      active: row.active,
      totpEnabled: row.totp_secret !== null,
      lockedUntil:
        row.locked_until && new Date(row.locked_until) > clock.now() ? iso(row.locked_until) : null,
      lastLoginAt: row.last_login_at ? iso(row.last_login_at) : null,
      createdAt: iso(row.created_at),
    };
  }

  return {
    async listAgencies(context: RequestContext, query: AgencyListQuery): Promise<AgencyPage> {
      const actor = actorOf(context);
      const reach = reachOf(actor, 'agency.list');
      if (reach.kind === 'none') throw forbidden();
      const page = await repository.listAgencies(db, { ...query, reach });
      return { items: page.items.map(toAgency), total: page.total };
    },

    async getAgency(context: RequestContext, agencyId: string): Promise<Agency> {
      return toAgency(await reachableAgency(context, 'agency.read', agencyId));
    },

    async createAgency(context: RequestContext, input: CreateAgencyRequest): Promise<Agency> {
      const actor = actorOf(context);
      const provinceCode = input.provinceCode ?? null;
      const communeCode = input.communeCode ?? null;
      const problem = scopeProblem({ ...input, provinceCode, communeCode });
      if (problem) {
        throw new AppError('agency.scope_invalid', SCOPE_PROBLEM_TEXT[problem], {
          errors: [
            {
              path: problem.startsWith('commune') ? 'body.communeCode' : 'body.scopeLevel',
              message: problem,
            },
          ],
        });
      }
      const id = newId();
      const decision = decide(actor, 'agency.create', {
        agencyId: id,
        level: input.scopeLevel,
        provinceCode,
        communeCode,
      });
      if (decision === 'deny_action') throw forbidden();
      if (decision === 'deny_target') {
        throw new AppError(
          'agency.outside_jurisdiction',
          'You may only create agencies within your own area',
        );
      }
      await reference.assertArea(provinceCode, communeCode);
      if (input.parentId) await reachableAgency(context, 'agency.read', input.parentId);
      return db.transaction().execute(async (trx) => {
        if (await repository.agencyByName(trx, input.name, provinceCode, communeCode)) {
          throw new AppError(
            'conflict.agency_exists',
            'An agency with this name already exists in this area',
          );
        }
        const row = await repository.insertAgency(trx, {
          id,
          name: input.name,
          short_name: input.shortName ?? null,
          type: input.type,
          scope_level: input.scopeLevel,
          province_code: provinceCode,
          commune_code: communeCode,
          parent_id: input.parentId ?? null,
        });
        await audit.record(trx, context, {
          action: 'agency.create',
          targetType: 'agency',
          targetId: row.id,
          targetAgencyId: row.id,
          details: { name: row.name, type: row.type, scopeLevel: row.scope_level, provinceCode, communeCode },
        });
        return toAgency(row);
      });
    },

    async updateAgency(
      context: RequestContext,
      agencyId: string,
      input: UpdateAgencyRequest,
    ): Promise<Agency> {
      const agency = await reachableAgency(context, 'agency.update', agencyId);
      if (input.active === false && agency.id === context.actor?.agency.id) {
        throw new AppError('user.cannot_modify_self', 'You cannot deactivate your own agency');
      }
      return db.transaction().execute(async (trx) => {
        if (input.name && input.name.toLowerCase() !== agency.name.toLowerCase()) {
          if (await repository.agencyByName(trx, input.name, agency.province_code, agency.commune_code)) {
            throw new AppError(
              'conflict.agency_exists',
              'An agency with this name already exists in this area',
            );
          }
        }
        const row = await repository.updateAgency(trx, agency.id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        await audit.record(trx, context, {
          action: 'agency.update',
          targetType: 'agency',
          targetId: agency.id,
          targetAgencyId: agency.id,
          details: { changed: Object.keys(input) },
        });
        return toAgency(row);
      });
    },

    async listUsers(context: RequestContext, agencyId: string, query: UserListQuery): Promise<UserPage> {
      const agency = await reachableAgency(context, 'user.list', agencyId);
      return db.transaction().execute(async (trx) => {
        const page = await repository.listUsers(trx, agency.id, query);
        await audit.record(trx, context, {
          action: 'user.list',
          targetType: 'agency',
          targetId: agency.id,
          targetAgencyId: agency.id,
          personalData: true,
          details: { returned: page.items.length, ...(query.q ? { searched: true } : {}) },
        });
        return { items: page.items.map(toUser), total: page.total };
      });
    },

    async getUser(context: RequestContext, agencyId: string, userId: string): Promise<User> {
      const { agency, user } = await agencyUser(context, 'user.read', agencyId, userId);
      return db.transaction().execute(async (trx) => {
        await audit.record(trx, context, {
          action: 'user.read',
          targetType: 'user',
          targetId: user.id,
          targetAgencyId: agency.id,
          personalData: true,
        });
        return toUser(user);
      });
    },

    async createUser(context: RequestContext, agencyId: string, input: CreateUserRequest): Promise<User> {
      const agency = await reachableAgency(context, 'user.create', agencyId);
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        if (await repository.userByUsername(trx, input.username)) {
          throw new AppError('conflict.username_taken', 'This username is already taken', {
            errors: [{ path: 'body.username', message: 'username.taken' }],
          });
        }
        const row = await repository.insertUser(trx, {
          id: newId(),
          agency_id: agency.id,
          username: input.username,
          full_name: input.fullName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          password_hash: passwordHash,
          roles: [...new Set(input.roles)],
          // Someone else chose this password: the person changes it at first sign-in.
          must_change_password: true,
          totp_secret: null,
          totp_pending_secret: null,
          totp_last_step: null,
          locked_until: null,
          sessions_valid_after: null,
          last_login_at: null,
        });
        await audit.record(trx, context, {
          action: 'user.create',
          targetType: 'user',
          targetId: row.id,
          targetAgencyId: agency.id,
          personalData: true,
          details: { username: row.username, roles: row.roles },
        });
        return toUser(row);
      });
    },

    async updateUser(
      context: RequestContext,
      agencyId: string,
      userId: string,
      input: UpdateUserRequest,
    ): Promise<User> {
      const { agency, user } = await agencyUser(context, 'user.update', agencyId, userId);
      const self = context.actor?.kind === 'user' && context.actor.userId === user.id;
      if (self && (input.roles !== undefined || input.active === false)) {
        throw new AppError(
          'user.cannot_modify_self',
          'You cannot change your own roles or deactivate yourself',
        );
      }
      const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : undefined;
      return db.transaction().execute(async (trx) => {
        const changes: Partial<UserRow> = {};
        if (input.fullName !== undefined) changes.full_name = input.fullName;
        if (input.email !== undefined) changes.email = input.email;
        if (input.phone !== undefined) changes.phone = input.phone;
        if (input.roles !== undefined) changes.roles = [...new Set(input.roles)];
        if (input.active !== undefined) changes.active = input.active;
        if (input.unlock) Object.assign(changes, { locked_until: null, failed_logins: 0 });
        if (input.resetTotp)
          Object.assign(changes, { totp_secret: null, totp_pending_secret: null, totp_last_step: null });
        if (passwordHash) Object.assign(changes, { password_hash: passwordHash, must_change_password: true });
        // A reset password or second factor, or a deactivation, ends the sessions the person has open.
        if (passwordHash || input.resetTotp || input.active === false)
          changes.sessions_valid_after = clock.now();
        const row = await repository.updateUser(trx, user.id, changes);
        await audit.record(trx, context, {
          action: 'user.update',
          targetType: 'user',
          targetId: user.id,
          targetAgencyId: agency.id,
          personalData: true,
          details: {
            changed: Object.keys(input)
              .filter((k) => k !== 'newPassword')
              .concat(passwordHash ? ['password'] : []),
          },
        });
        return toUser(row);
      });
    },

    async listApiKeys(context: RequestContext, agencyId: string): Promise<{ items: ApiKey[] }> {
      const agency = await reachableAgency(context, 'apikey.list', agencyId);
      return { items: (await repository.apiKeys(db, agency.id)).map(toApiKey) };
    },

    async createApiKey(
      context: RequestContext,
      agencyId: string,
      input: CreateApiKeyRequest,
    ): Promise<CreatedApiKey> {
      const agency = await reachableAgency(context, 'apikey.create', agencyId);
      const secret = newApiKeySecret();
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const row = await repository.insertApiKey(trx, {
          id: newId(),
          agency_id: agency.id,
          name: input.name,
          prefix: secret.prefix,
          secret_hash: secret.hash,
          scopes: [...new Set(input.scopes)],
          created_by: context.actor?.kind === 'user' ? context.actor.userId : null,
          expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
        });
        await audit.record(trx, context, {
          action: 'apikey.create',
          targetType: 'api_key',
          targetId: row.id,
          targetAgencyId: agency.id,
          details: { name: row.name, scopes: row.scopes, prefix: row.prefix },
        });
        return { ...toApiKey(row), secret: secret.key };
      });
    },

    async revokeApiKey(context: RequestContext, agencyId: string, apiKeyId: string): Promise<void> {
      const agency = await reachableAgency(context, 'apikey.revoke', agencyId);
      const key = await repository.apiKey(db, apiKeyId);
      if (!key || key.agency_id !== agency.id) throw notFound('API key');
      if (key.revoked_at) return;
      await db.transaction().execute(async (trx) => {
        await repository.revokeApiKey(trx, key.id, clock.now());
        await audit.record(trx, context, {
          action: 'apikey.revoke',
          targetType: 'api_key',
          targetId: key.id,
          targetAgencyId: agency.id,
        });
      });
    },

    /** Whether the configuration requires this person to use TOTP. */
    totpRequired(roles: readonly Role[], agencyType: Agency['type']): boolean {
      return totpRequired(deps.totpRequiredFor, roles, agencyType);
    },
  };
}

export type AgenciesService = ReturnType<typeof createAgenciesService>;

const iso = (value: Date | string) => new Date(value).toISOString();

export function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    type: row.type as Agency['type'],
    scopeLevel: row.scope_level,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    parentId: row.parent_id,
    active: row.active,
    createdAt: iso(row.created_at),
  };
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    createdAt: iso(row.created_at),
    expiresAt: row.expires_at ? iso(row.expires_at) : null,
    lastUsedAt: row.last_used_at ? iso(row.last_used_at) : null,
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
  };
}
