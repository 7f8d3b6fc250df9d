import crypto from 'node:crypto';
import type {
  Appeal,
  AppealDetail,
  AppealListQuery,
  AppealPage,
  AppealReceipt,
  CreateAppealRequest,
  DecideAppealRequest,
  PublicAppealStatus,
} from '@khien/contracts';
import { identify } from '@khien/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import type { DataCipher } from '../../shared/data-cipher.js';
import { requireNationwide } from '../../shared/authorize.js';
import { newId, readableCode } from '../../shared/ids.js';
import type { AuditRecorder } from '../audit/index.js';
import type { AppealRow, IndicatorsRepository } from './indicators.repository.js';
import type { IndicatorsService } from './indicators.service.js';

export interface AppealsDependencies {
  db: Kysely<DB>;
  repository: IndicatorsRepository;
  indicators: IndicatorsService;
  audit: AuditRecorder;
  clock: Clock;
  cipher: DataCipher;
  appealDays: number;
}

const hashSecret = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

const trackingCode = () => `KN-${readableCode(8)}`;

type AppealWithIndicator = AppealRow & { identifier: string; indicator_status: string };

export function createAppealsService(deps: AppealsDependencies) {
  const { db, repository, indicators, audit, clock, cipher } = deps;

  const requirePolice = (context: RequestContext) => requireNationwide(context, 'appeal.decide');

  function toAppeal(row: AppealWithIndicator): Appeal {
    const now = clock.now();
    return {
      id: row.id,
      trackingCode: row.tracking_code,
      indicatorId: row.indicator_id,
      identifier: row.identifier,
      indicatorStatus: row.indicator_status as Appeal['indicatorStatus'],
      status: row.status,
      reasons: row.reasons,
      submittedAt: new Date(row.created_at).toISOString(),
      dueAt: new Date(row.due_at).toISOString(),
      overdue: row.status === 'submitted' && new Date(row.due_at) < now,
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
      decisionReason: row.decision_reason,
    };
  }

  return {
    /** A public appeal against a listing. Answers the same for unlisted and police-only entries. */
    async submit(context: RequestContext, input: CreateAppealRequest): Promise<AppealReceipt> {
      const parsed = identify(input.identifier);
      const notListed = new AppError(
        'appeal.not_listed',
        'This identifier is not listed as suspicious, so there is nothing to appeal',
      );
      if (!parsed.ok) throw notListed;
      const row = await repository.byKey(db, parsed.value.key);
      if (
        !row ||
        row.sharing !== 'public' ||
        !['reported', 'verifying', 'confirmed_scam'].includes(row.status)
      )
        throw notListed;
      // 16 characters, 80 bits, in groups of four: read out or copied by hand without confusion.
      const secret = readableCode(16).replace(/(.{4})(?=.)/g, '$1-');
      const now = clock.now();
      const dueAt = new Date(now.getTime() + deps.appealDays * 86_400_000);
      const code = trackingCode();
      await db.transaction().execute(async (trx) => {
        if (await repository.openAppealFor(trx, row.id)) {
          throw new AppError(
            'appeal.already_open',
            'An appeal against this identifier is already being examined',
          );
        }
        const id = newId();
        await repository.insertAppeal(trx, {
          id,
          indicator_id: row.id,
          tracking_code: code,
          secret_hash: hashSecret(secret),
          contact_encrypted: cipher.encrypt(
            JSON.stringify({
              fullName: input.fullName,
              phone: input.phone ?? null,
              email: input.email ?? null,
              relation: input.relation,
            }),
          ),
          reasons: input.reasons,
          status: 'submitted',
          due_at: dueAt,
          decided_at: null,
          decided_by: null,
          decision_reason: null,
          created_at: now,
        });
        await repository.insertEvent(trx, {
          id: newId(),
          indicator_id: row.id,
          event: 'appeal_submitted',
          from_status: row.status,
          to_status: row.status,
          reason: null,
          actor_user_id: null,
          actor_agency_id: null,
          created_at: now,
          details: { trackingCode: code },
        });
        await audit.record(trx, context, {
          action: 'appeal.submit',
          targetType: 'appeal',
          targetId: id,
          personalData: true,
        });
      });
      return { trackingCode: code, secret, dueAt: dueAt.toISOString() };
    },

    /** What the appellant may see: the stage and the decision, with the tracking code and its secret. */
    async publicStatus(trackingCodeValue: string, secret: string | undefined): Promise<PublicAppealStatus> {
      const row = await repository.appealByCode(db, trackingCodeValue);
      // Both sides are SHA-256 hex digests of the same length, compared in constant time.
      const matches =
        row !== undefined &&
        crypto.timingSafeEqual(Buffer.from(row.secret_hash), Buffer.from(hashSecret(secret ?? '')));
      if (!row || !secret || !matches) {
        throw new AppError('appeal.not_found', 'No appeal with this tracking code and secret');
      }
      return {
        trackingCode: row.tracking_code,
        identifier: row.identifier,
        status: row.status,
        submittedAt: new Date(row.created_at).toISOString(),
        dueAt: new Date(row.due_at).toISOString(),
        decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
        decisionReason: row.decision_reason,
      };
    },

    async list(context: RequestContext, query: AppealListQuery): Promise<AppealPage> {
      requirePolice(context);
      const page = await repository.appealPage(db, query);
      return { items: page.items.map(toAppeal), total: page.total };
    },

    /** One appeal with the appellant's contact details: decrypted for the police and audited as a read. */
    async get(context: RequestContext, id: string): Promise<AppealDetail> {
      requirePolice(context);
      const row = await repository.appealById(db, id);
      if (!row) throw new AppError('appeal.not_found', 'Appeal not found');
      const contact = JSON.parse(cipher.decrypt(row.contact_encrypted)) as AppealDetail['contact'];
      await db.transaction().execute((trx) =>
        audit.record(trx, context, {
          action: 'appeal.read',
          targetType: 'appeal',
          targetId: id,
          personalData: true,
        }),
      );
      return { ...toAppeal(row), contact };
    },

    /** Upholding clears the entry at once everywhere; either way the decision and its reason stay. */
    async decide(context: RequestContext, id: string, input: DecideAppealRequest): Promise<Appeal> {
      const actor = requirePolice(context);
      const row = await repository.appealById(db, id);
      if (!row) throw new AppError('appeal.not_found', 'Appeal not found');
      if (row.status !== 'submitted')
        throw new AppError('appeal.already_decided', 'This appeal was already decided');
      const now = clock.now();
      const changed = await db.transaction().execute(async (trx) => {
        const decided = await repository.decideAppeal(trx, id, {
          status: input.decision,
          decided_at: now,
          decided_by: actor.kind === 'user' ? actor.userId : null,
          decision_reason: input.reason,
        });
        if (!decided) throw new AppError('appeal.already_decided', 'This appeal was already decided');
        const indicator = await repository.byIdForUpdate(trx, row.indicator_id);
        let cleared = null;
        if (input.decision === 'upheld' && indicator && indicator.status !== 'cleared') {
          cleared = await indicators.applyStatus(
            trx,
            context,
            indicator,
            'cleared',
            `Appeal ${row.tracking_code} upheld: ${input.reason}`,
          );
        }
        await repository.insertEvent(trx, {
          id: newId(),
          indicator_id: row.indicator_id,
          event: input.decision === 'upheld' ? 'appeal_upheld' : 'appeal_rejected',
          from_status: null,
          to_status: null,
          reason: input.reason,
          actor_user_id: actor.kind === 'user' ? actor.userId : null,
          actor_agency_id: actor.agency.id,
          created_at: now,
          details: { trackingCode: row.tracking_code },
        });
        await audit.record(trx, context, {
          action: 'appeal.decide',
          targetType: 'appeal',
          targetId: id,
          details: { decision: input.decision, indicatorId: row.indicator_id },
        });
        return cleared;
      });
      if (changed) indicators.notify(changed);
      const after = await repository.appealById(db, id);
      return toAppeal(after!);
    },
  };
}

export type AppealsService = ReturnType<typeof createAppealsService>;
