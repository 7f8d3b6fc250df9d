import type {
  CreateWebhookBody,
  CreatedWebhook,
  PageQuery,
  Webhook,
  WebhookDelivery,
  WebhookEventType,
  WebhookPayload,
} from '@khien/contracts';
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../shared/app-error.js';
import { actorOf } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import type { DataCipher } from '../../shared/data-cipher.js';
import { newId } from '../../shared/ids.js';
import { decide, type Actor } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import {
  SIGNATURE_HEADER,
  WEBHOOK_MAX_ATTEMPTS,
  newWebhookSecret,
  retryDelayMs,
  signatureOf,
  webhookUrlAllowed,
} from './webhook-signature.js';

/** How long a claimed event stays with the process posting it before another may try. */
const LEASE_MS = 2 * 60_000;
const POST_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export interface WebhookLogger {
  warn(object: object, message: string): void;
}

const ownAgency = (actor: Actor) => ({
  agencyId: actor.agency.id,
  level: actor.agency.level,
  provinceCode: actor.agency.provinceCode,
  communeCode: actor.agency.communeCode,
});

function toWebhook(row: Selectable<DB['webhooks']>): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * Webhooks (ADR 0008): agencies register where events about their requests are posted. Events are
 * written to an outbox in the transaction that causes them and posted afterwards, signed, retried with
 * backoff; every attempt is kept.
 */
export function createWebhooksService(deps: {
  db: Kysely<DB>;
  audit: AuditRecorder;
  clock: Clock;
  cipher: DataCipher;
  logger: WebhookLogger;
  /** The fetch to post with (tests may pass one that records). */
  fetch?: typeof fetch;
}) {
  const { db, audit, clock, cipher } = deps;
  const post = deps.fetch ?? fetch;

  function requireManager(context: RequestContext): Actor {
    const actor = actorOf(context);
    if (decide(actor, 'webhook.manage', ownAgency(actor)) !== 'allow') throw forbidden();
    return actor;
  }

  async function ownWebhook(actor: Actor, id: string) {
    const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.agency_id !== actor.agency.id || row.removed_at) throw notFound('Webhook');
    return row;
  }

  /** Posts one claimed event and records the attempt. */
  async function deliver(event: {
    id: string;
    webhook_id: string;
    type: string;
    payload: unknown;
    attempts: number;
    url: string;
    secret_encrypted: string;
  }) {
    const body = JSON.stringify(event.payload);
    const t = Math.floor(clock.nowMs() / 1000);
    const started = performance.now();
    let status: number | null = null;
    let excerpt: string | null = null;
    let error: string | null = null;
    try {
      const response = await post(event.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Khien-Webhooks/1',
          [SIGNATURE_HEADER]: signatureOf(cipher.decrypt(event.secret_encrypted), body, t),
          'khien-event': event.type,
          'khien-event-id': event.id,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      status = response.status;
      excerpt = (await response.text()).slice(0, EXCERPT_BYTES);
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}`.slice(0, 500) : 'failed';
    }
    const durationMs = Math.round(performance.now() - started);
    const delivered = status !== null && status >= 200 && status < 300;
    const attempt = event.attempts + 1;
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_deliveries')
        .values({
          id: newId(),
          event_id: event.id,
          webhook_id: event.webhook_id,
          attempt,
          status: delivered ? 'delivered' : 'failed',
          response_status: status,
          duration_ms: durationMs,
          error: error ?? (delivered ? null : `HTTP ${status}`),
          response_excerpt: excerpt,
          created_at: now,
        })
        .execute();
      await trx
        .updateTable('webhook_events')
        .set(
          delivered
            ? { status: 'delivered', attempts: attempt, delivered_at: now }
            : attempt >= WEBHOOK_MAX_ATTEMPTS
              ? { status: 'failed', attempts: attempt }
              : { attempts: attempt, next_attempt_at: new Date(now.getTime() + retryDelayMs(attempt)) },
        )
        .where('id', '=', event.id)
        .execute();
    });
    if (!delivered)
      deps.logger.warn(
        { webhookId: event.webhook_id, eventId: event.id, attempt, status, error },
        'webhook not delivered',
      );
    return delivered;
  }

  let running: Promise<unknown> | null = null;
  let again = false;

  const service = {
    async list(context: RequestContext): Promise<{ items: Webhook[] }> {
      const actor = requireManager(context);
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('agency_id', '=', actor.agency.id)
        .where('removed_at', 'is', null)
        .orderBy('created_at')
        .execute();
      return { items: rows.map(toWebhook) };
    },

    async create(context: RequestContext, input: CreateWebhookBody): Promise<CreatedWebhook> {
      const actor = requireManager(context);
      if (!webhookUrlAllowed(input.url))
        throw new AppError(
          'webhook.url_not_allowed',
          'Webhooks post over https (plain http only to a loopback or private address)',
        );
      const secret = newWebhookSecret();
      const row = {
        id: newId(),
        agency_id: actor.agency.id,
        url: input.url,
        events: [...new Set(input.events)],
        secret_encrypted: cipher.encrypt(secret),
        active: true,
        created_by: actor.kind === 'user' ? actor.userId : null,
        created_at: clock.now(),
        removed_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('webhooks').values(row).execute();
        await audit.record(trx, context, {
          action: 'webhook.create',
          targetType: 'webhook',
          targetId: row.id,
          targetAgencyId: actor.agency.id,
          details: { url: row.url, events: row.events },
        });
      });
      return { ...toWebhook(row), secret };
    },

    async remove(context: RequestContext, id: string): Promise<void> {
      const actor = requireManager(context);
      await ownWebhook(actor, id);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('webhooks')
          .set({ active: false, removed_at: clock.now() })
          .where('id', '=', id)
          .execute();
        await audit.record(trx, context, {
          action: 'webhook.remove',
          targetType: 'webhook',
          targetId: id,
          targetAgencyId: actor.agency.id,
        });
      });
    },

    async deliveries(
      context: RequestContext,
      id: string,
      page: z.output<typeof PageQuery>,
    ): Promise<{ items: WebhookDelivery[]; total: number }> {
      const actor = requireManager(context);
      await ownWebhook(actor, id);
      const base = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
        .where('d.webhook_id', '=', id);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll('d')
        .select('e.type as event_type')
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: Number(total.n),
        items: rows.map((row) => ({
          id: row.id,
          eventId: row.event_id,
          event: row.event_type as WebhookEventType,
          attempt: row.attempt,
          status: row.status,
          responseStatus: row.response_status,
          durationMs: row.duration_ms,
          error: row.error,
          responseExcerpt: row.response_excerpt,
          at: new Date(row.created_at).toISOString(),
        })),
      };
    },

    /**
     * Writes the event for every active webhook of the agency that takes it, in the caller's transaction.
     * Answers how many were written.
     */
    async enqueue(
      trx: Kysely<DB>,
      agencyId: string,
      type: WebhookEventType,
      request: WebhookPayload['request'],
    ): Promise<number> {
      const hooks = await trx
        .selectFrom('webhooks')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('active', '=', true)
        .where(sql<SqlBool>`${type} = any(events)`)
        .execute();
      if (hooks.length === 0) return 0;
      const now = clock.now();
      await trx
        .insertInto('webhook_events')
        .values(
          hooks.map((hook) => {
            const id = newId();
            const payload: WebhookPayload = { id, type, createdAt: now.toISOString(), request };
            return {
              id,
              webhook_id: hook.id,
              type,
              payload: JSON.stringify(payload),
              status: 'pending' as const,
              attempts: 0,
              next_attempt_at: now,
              created_at: now,
            };
          }),
        )
        .execute();
      return hooks.length;
    },

    /** Posts the events that are due; answers how many were delivered and how many failed this round. */
    async deliverDue(limit = 50): Promise<{ delivered: number; failed: number }> {
      const now = clock.now();
      // Claimed in a short transaction (a lease), posted outside it: a slow receiver never holds the
      // database.
      const claimed = await db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('webhook_events as e')
          .innerJoin('webhooks as w', 'w.id', 'e.webhook_id')
          .select([
            'e.id',
            'e.webhook_id',
            'e.type',
            'e.payload',
            'e.attempts',
            'w.url',
            'w.secret_encrypted',
            'w.active',
          ])
          .where('e.status', '=', 'pending')
          .where('e.next_attempt_at', '<=', now)
          .orderBy('e.next_attempt_at')
          .limit(limit)
          .forUpdate('e')
          .skipLocked()
          .execute();
        if (due.length > 0)
          await trx
            .updateTable('webhook_events')
            .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS) })
            .where(
              'id',
              'in',
              due.map((event) => event.id),
            )
            .execute();
        return due;
      });
      let delivered = 0;
      let failed = 0;
      for (const event of claimed) {
        if (!event.active) continue;
        if (await deliver(event)) delivered++;
        else failed++;
      }
      return { delivered, failed };
    },

    /** Delivers soon after a change commits, without making its answer wait; one run at a time. */
    deliverSoon(): void {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          try {
            await service.deliverDue();
          } catch (error) {
            deps.logger.warn({ err: error }, 'webhooks not delivered; the job tries again');
          }
        } while (again);
      })().finally(() => {
        running = null;
      });
    },

    /** Waits for a delivery run in progress (closing, tests). */
    async settled(): Promise<void> {
      while (running) await running;
    },
  };
  return service;
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
