import crypto from 'node:crypto';
import type {
  AgencyType,
  ApiKeyScope,
  ChangePasswordRequest,
  LoginRequest,
  Me,
  Role,
  TotpEnrolment,
} from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { DataCipher } from '../../shared/data-cipher.js';
import type { RequestContext } from '../../shared/context.js';
import { newId } from '../../shared/ids.js';
import { decoyHash, hashPassword, verifyPassword } from '../../shared/passwords.js';
import { allowedActions, type Action, type Actor, type ActorAgency } from '../../shared/policy.js';
import type { AgenciesRepository, AgenciesService } from '../agencies/index.js';
import { parseApiKey, hashApiKey, sameHash } from '../agencies/index.js';
import type { AuditRecorder } from '../audit/index.js';
import type { AuthRepository } from './auth.repository.js';
import { acceptTotp, newTotpSecret, totpUri } from './totp.js';

export interface AuthSettings {
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
}

export interface AuthDependencies {
  db: Kysely<DB>;
  repository: AuthRepository;
  agenciesRepository: AgenciesRepository;
  agencies: AgenciesService;
  audit: AuditRecorder;
  clock: Clock;
  settings: AuthSettings;
  /** Encrypts TOTP secrets at rest. */
  cipher: DataCipher;
  /** Actions granted by data rather than by role (a police agency's delegation of registry decisions). */
  grantedActions?: (actor: Actor) => Promise<Action[]>;
}

export type Restriction = 'totp_enrolment' | 'password_change' | null;

export interface Identity {
  actor: Actor;
  restriction: Restriction;
  fullName: string | null;
  agencyName: string;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  sessionId: string | null;
  sessionExpiresAt: Date | null;
}

/** The actor's agency, from the columns read with its session or key (auth.repository, ACTOR_AGENCY_COLUMNS). */
function actorAgencyOf(row: {
  agency_id: string;
  agency_type: string;
  scope_level: ActorAgency['level'];
  province_code: string | null;
  commune_code: string | null;
}): ActorAgency {
  return {
    id: row.agency_id,
    type: row.agency_type as AgencyType,
    level: row.scope_level,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
  };
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
// Touch last_seen_at at most once a minute per session, not on every request.
const TOUCH_EVERY_MS = 60_000;

export function createAuthService(deps: AuthDependencies) {
  const { db, repository, agenciesRepository, audit, clock, settings } = deps;

  function restrictionOf(
    roles: readonly Role[],
    agencyType: AgencyType,
    totpSecret: string | null,
    mustChange: boolean,
  ) {
    if (!totpSecret && deps.agencies.totpRequired(roles, agencyType)) return 'totp_enrolment' as const;
    if (mustChange) return 'password_change' as const;
    return null;
  }

  async function recordFailure(
    context: RequestContext,
    userId: string | null,
    username: string,
    failures: number,
  ) {
    await db.transaction().execute(async (trx) => {
      let locked = false;
      if (userId) {
        locked = failures >= settings.lockoutThreshold;
        await agenciesRepository.updateUser(trx, userId, {
          failed_logins: locked ? 0 : failures,
          ...(locked
            ? { locked_until: new Date(clock.now().getTime() + settings.lockoutMinutes * 60_000) }
            : {}),
        });
      }
      await audit.record(trx, context, {
        action: locked ? 'auth.locked' : 'auth.login_failed',
        targetType: userId ? 'user' : undefined,
        targetId: userId,
        actorUsername: username,
      });
    });
  }

  async function identityOfSession(token: string): Promise<Identity | null> {
    const id = hashToken(token);
    const row = await repository.sessionWithUser(db, id);
    const now = clock.now();
    if (!row || row.revoked_at || !row.user_active || !row.agency_active) return null;
    if (new Date(row.expires_at) <= now) return null;
    if (row.sessions_valid_after && new Date(row.created_at) < new Date(row.sessions_valid_after))
      return null;
    if (new Date(row.last_seen_at).getTime() + settings.sessionIdleMinutes * 60_000 <= now.getTime())
      return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS)
      await repository.touchSession(db, id, now);
    const roles = row.roles as Role[];
    const agencyType = row.agency_type as AgencyType;
    return {
      actor: {
        kind: 'user',
        userId: row.user_id,
        username: row.username,
        roles,
        agency: actorAgencyOf(row),
      },
      restriction: restrictionOf(roles, agencyType, row.totp_secret, row.must_change_password),
      fullName: row.full_name,
      agencyName: row.agency_name,
      totpEnabled: row.totp_secret !== null,
      mustChangePassword: row.must_change_password,
      sessionId: id,
      sessionExpiresAt: new Date(row.expires_at),
    };
  }

  async function identityOfApiKey(key: string): Promise<Identity | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const row = await repository.apiKeyWithAgency(db, parsed.prefix);
    const now = clock.now();
    if (!row || !sameHash(row.secret_hash, hashApiKey(key))) return null;
    if (row.revoked_at || !row.agency_active || (row.expires_at && new Date(row.expires_at) <= now))
      return null;
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_EVERY_MS) {
      await agenciesRepository.touchApiKey(db, row.id, now);
    }
    return {
      actor: {
        kind: 'api_key',
        apiKeyId: row.id,
        scopes: row.scopes as ApiKeyScope[],
        agency: actorAgencyOf(row),
      },
      restriction: null,
      fullName: null,
      agencyName: row.agency_name,
      totpEnabled: false,
      mustChangePassword: false,
      sessionId: null,
      sessionExpiresAt: null,
    };
  }

  function requireUser(context: RequestContext) {
    const actor = context.actor;
    if (!actor || actor.kind !== 'user') throw new AppError('auth.required', 'Sign in as a person first');
    return actor;
  }

  async function loadUser(userId: string) {
    const user = await repository.userWithAgency(db, userId);
    if (!user) throw new AppError('auth.required', 'Sign in first');
    return user;
  }

  const service = {
    /** Signs in: the answer carries a new session token to set as a cookie. */
    async login(context: RequestContext, input: LoginRequest): Promise<{ token: string; expiresAt: Date }> {
      const now = clock.now();
      const user = await agenciesRepository.userByUsername(db, input.username);
      if (!user) {
        await verifyPassword(await decoyHash(), input.password);
        await recordFailure(context, null, input.username, 0);
        throw new AppError('auth.invalid_credentials', 'Wrong username or password');
      }
      if (user.locked_until && new Date(user.locked_until) > now) {
        const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
        throw new AppError('auth.locked', `Too many failed attempts; try again in ${minutes} minute(s)`);
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        const failures = user.failed_logins + 1;
        await recordFailure(context, user.id, input.username, failures);
        if (failures >= settings.lockoutThreshold) {
          throw new AppError(
            'auth.locked',
            `Too many failed attempts; try again in ${settings.lockoutMinutes} minute(s)`,
          );
        }
        throw new AppError('auth.invalid_credentials', 'Wrong username or password');
      }
      const agency = await agenciesRepository.agency(db, user.agency_id);
      if (!user.active || !agency?.active) {
        throw new AppError('auth.forbidden', 'This account is disabled; ask your agency administrator');
      }
      let totpStep: number | null = null;
      if (user.totp_secret) {
        if (!input.totp)
          throw new AppError('auth.totp_required', 'Enter the 6-digit code from your authenticator app');
        totpStep = acceptTotp(deps.cipher.decrypt(user.totp_secret), input.totp, now, user.totp_last_step);
        if (totpStep === null) {
          const failures = user.failed_logins + 1;
          await recordFailure(context, user.id, input.username, failures);
          throw new AppError('auth.totp_invalid', 'The code is wrong or was already used');
        }
      }
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + settings.sessionTtlMinutes * 60_000);
      await db.transaction().execute(async (trx) => {
        await agenciesRepository.updateUser(trx, user.id, {
          failed_logins: 0,
          locked_until: null,
          last_login_at: now,
          ...(totpStep !== null ? { totp_last_step: totpStep } : {}),
        });
        await repository.insertSession(trx, {
          id: hashToken(token),
          user_id: user.id,
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
          ip: context.ip,
          user_agent: context.userAgent,
        });
        await audit.record(
          trx,
          {
            ...context,
            actor: {
              kind: 'user',
              userId: user.id,
              username: user.username,
              roles: user.roles as Role[],
              agency: {
                id: agency.id,
                type: agency.type as AgencyType,
                level: agency.scope_level,
                provinceCode: agency.province_code,
                communeCode: agency.commune_code,
              },
            },
          },
          {
            action: 'auth.login',
            targetType: 'user',
            targetId: user.id,
            targetAgencyId: agency.id,
            details: { totp: totpStep !== null },
          },
        );
      });
      return { token, expiresAt };
    },

    async logout(context: RequestContext, token: string | undefined): Promise<void> {
      if (!token) return;
      const identity = await identityOfSession(token);
      if (!identity?.sessionId) return;
      await db.transaction().execute(async (trx) => {
        await repository.revokeSession(trx, identity.sessionId!, clock.now());
        await audit.record(
          trx,
          { ...context, actor: identity.actor },
          { action: 'auth.logout', targetType: 'session' },
        );
      });
    },

    /** The identity behind a session token or an API key (`Authorization: Bearer`), or null. */
    async authenticate(credentials: { sessionToken?: string; bearer?: string }): Promise<Identity | null> {
      if (credentials.bearer) return identityOfApiKey(credentials.bearer);
      if (credentials.sessionToken) return identityOfSession(credentials.sessionToken);
      return null;
    },

    async me(identity: Identity): Promise<Me> {
      const actor = identity.actor;
      const granted = identity.restriction || !deps.grantedActions ? [] : await deps.grantedActions(actor);
      return {
        kind: actor.kind,
        userId: actor.kind === 'user' ? actor.userId : null,
        apiKeyId: actor.kind === 'api_key' ? actor.apiKeyId : null,
        username: actor.kind === 'user' ? actor.username : null,
        fullName: identity.fullName,
        roles: actor.kind === 'user' ? [...actor.roles] : [],
        scopes: actor.kind === 'api_key' ? [...actor.scopes] : [],
        agency: {
          id: actor.agency.id,
          name: identity.agencyName,
          type: actor.agency.type,
          scopeLevel: actor.agency.level,
          provinceCode: actor.agency.provinceCode,
          communeCode: actor.agency.communeCode,
        },
        totpEnabled: identity.totpEnabled,
        totpEnrolmentRequired: identity.restriction === 'totp_enrolment',
        mustChangePassword: identity.mustChangePassword,
        allowedActions: identity.restriction
          ? ['identity.read']
          : [...new Set([...allowedActions(actor), ...granted])],
        sessionExpiresAt: identity.sessionExpiresAt?.toISOString() ?? null,
      };
    },

    async changePassword(context: RequestContext, sessionId: string | null, input: ChangePasswordRequest) {
      const actor = requireUser(context);
      const user = await loadUser(actor.userId);
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new AppError('auth.invalid_credentials', 'The current password is wrong', {
          errors: [{ path: 'body.currentPassword', message: 'password.wrong' }],
        });
      }
      if (input.currentPassword === input.newPassword) {
        throw new AppError('validation.failed', 'Choose a password different from the current one', {
          errors: [{ path: 'body.newPassword', message: 'password.unchanged' }],
        });
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await agenciesRepository.updateUser(trx, user.id, {
          password_hash: passwordHash,
          must_change_password: false,
        });
        // Other sessions of this person end: whoever knew the old password is signed out.
        await repository.revokeUserSessions(trx, user.id, clock.now(), sessionId ?? undefined);
        await audit.record(trx, context, {
          action: 'auth.password_changed',
          targetType: 'user',
          targetId: user.id,
          targetAgencyId: user.agency_id,
        });
      });
    },

    async enrolTotp(context: RequestContext): Promise<TotpEnrolment> {
      const actor = requireUser(context);
      const secret = newTotpSecret();
      await db.transaction().execute(async (trx) => {
        // The shared secret is a credential: kept encrypted like other secrets at rest.
        await agenciesRepository.updateUser(trx, actor.userId, {
          totp_pending_secret: deps.cipher.encrypt(secret),
        });
        await audit.record(trx, context, {
          action: 'auth.totp_enrolment_started',
          targetType: 'user',
          targetId: actor.userId,
          targetAgencyId: actor.agency.id,
        });
      });
      return { secret, otpauthUrl: totpUri(secret, actor.username) };
    },

    async confirmTotp(context: RequestContext, code: string): Promise<void> {
      const actor = requireUser(context);
      const user = await loadUser(actor.userId);
      if (!user.totp_pending_secret) throw new AppError('auth.totp_not_pending', 'Start the enrolment first');
      const step = acceptTotp(deps.cipher.decrypt(user.totp_pending_secret), code, clock.now(), null);
      if (step === null) {
        throw new AppError('auth.totp_invalid', 'The code does not match; check the time on your phone', {
          errors: [{ path: 'body.code', message: 'totp.invalid' }],
        });
      }
      await db.transaction().execute(async (trx) => {
        await agenciesRepository.updateUser(trx, user.id, {
          totp_secret: user.totp_pending_secret,
          totp_pending_secret: null,
          totp_last_step: step,
        });
        await audit.record(trx, context, {
          action: 'auth.totp_enabled',
          targetType: 'user',
          targetId: user.id,
          targetAgencyId: user.agency_id,
        });
      });
    },

    async disableTotp(context: RequestContext, password: string): Promise<void> {
      const actor = requireUser(context);
      const user = await loadUser(actor.userId);
      if (deps.agencies.totpRequired(user.roles as Role[], user.agency_type as AgencyType)) {
        throw new AppError(
          'auth.totp_required_by_policy',
          'Your role requires a second factor; it cannot be turned off',
        );
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        throw new AppError('auth.invalid_credentials', 'The password is wrong', {
          errors: [{ path: 'body.password', message: 'password.wrong' }],
        });
      }
      await db.transaction().execute(async (trx) => {
        await agenciesRepository.updateUser(trx, user.id, {
          totp_secret: null,
          totp_pending_secret: null,
          totp_last_step: null,
        });
        await audit.record(trx, context, {
          action: 'auth.totp_disabled',
          targetType: 'user',
          targetId: user.id,
          targetAgencyId: user.agency_id,
        });
      });
    },

    async purgeExpiredSessions(): Promise<number> {
      // Keep a day of history for revoked and expired sessions, then remove them.
      return repository.purgeSessions(db, new Date(clock.now().getTime() - 86_400_000));
    },

    /**
     * On the first start, creates the platform operator and its administrator. Returns the one-time
     * password when it was generated (to be shown once), null when the configuration gave one.
     */
    async bootstrap(
      context: RequestContext,
      adminPassword: string | undefined,
    ): Promise<{ created: boolean; password: string | null }> {
      if ((await repository.userCount(db)) > 0) return { created: false, password: null };
      const password = adminPassword ?? crypto.randomBytes(12).toString('base64url');
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const agency = await agenciesRepository.insertAgency(trx, {
          id: newId(),
          name: 'Ban quản trị hệ thống Khiên',
          short_name: 'Khiên',
          type: 'platform_operator',
          scope_level: 'national',
          province_code: null,
          commune_code: null,
          parent_id: null,
        });
        const user = await agenciesRepository.insertUser(trx, {
          id: newId(),
          agency_id: agency.id,
          username: 'admin',
          full_name: 'Quản trị viên quốc gia',
          email: null,
          phone: null,
          password_hash: passwordHash,
          roles: ['admin', 'auditor'],
          must_change_password: adminPassword === undefined,
          totp_secret: null,
          totp_pending_secret: null,
          totp_last_step: null,
          locked_until: null,
          sessions_valid_after: null,
          last_login_at: null,
        });
        await audit.record(trx, context, {
          action: 'system.bootstrap',
          targetType: 'user',
          targetId: user.id,
          targetAgencyId: agency.id,
          details: { agency: agency.name, username: user.username },
        });
      });
      return { created: true, password: adminPassword === undefined ? password : null };
    },
  };
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
