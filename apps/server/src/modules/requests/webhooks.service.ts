import type {
  CreateWebhookBody,
  CreatedWebhook,
  PageQuery,
  Webhook,
  WebhookDelivery,
  WebhookEventType,
  WebhookPayload,
} from '@khien/contracts';
import type { Kysely, Selectable } from 'kysely';
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
import type { WebhooksRepository } from './webhooks.repository.js';
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
  repository: WebhooksRepository;
  audit: AuditRecorder;
  clock: Clock;
  cipher: DataCipher;
  logger: WebhookLogger;
  /** The fetch to post with (tests may pass one that records). */
  fetch?: typeof fetch;
}) {
  const { db, repository, audit, clock, cipher } = deps;
  const post = deps.fetch ?? fetch;

  function requireManager(context: RequestContext): Actor {
    const actor = actorOf(context);
    if (decide(actor, 'webhook.manage', ownAgency(actor)) !== 'allow') throw forbidden();
    return actor;
  }

  async function ownWebhook(actor: Actor, id: string) {
    const row = await repository.byId(db, id);
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
    await db.transaction().execute((trx) =>
      repository.recordAttempt(
        trx,
        {
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
        },
        delivered
          ? { status: 'delivered', attempts: attempt, delivered_at: now }
          : attempt >= WEBHOOK_MAX_ATTEMPTS
            ? { status: 'failed', attempts: attempt }
            : { attempts: attempt, next_attempt_at: new Date(now.getTime() + retryDelayMs(attempt)) },
      ),
    );
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
      const rows = await repository.ofAgency(db, actor.agency.id);
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
        await repository.insert(trx, row);
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
        await repository.remove(trx, id, clock.now());
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
      const { rows, total } = await repository.deliveries(db, id, page);
      return {
        total,
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
      const hooks = await repository.takers(trx, agencyId, type);
      if (hooks.length === 0) return 0;
      const now = clock.now();
      await repository.insertEvents(
        trx,
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
      );
      return hooks.length;
    },

    /** Posts the events that are due; answers how many were delivered and how many failed this round. */
    async deliverDue(limit = 50): Promise<{ delivered: number; failed: number }> {
      const now = clock.now();
      // Claimed in a short transaction (a lease), posted outside it: a slow receiver never holds the
      // database.
      const claimed = await db.transaction().execute((trx) => repository.claimDue(trx, now, limit, LEASE_MS));
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
