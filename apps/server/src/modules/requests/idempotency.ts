import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../shared/app-error.js';
import { actorOf } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { createIdempotencyRepository } from './idempotency.repository.js';

/** How long an answer is kept for a repeated key. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

export interface IdempotentCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Writes with an `Idempotency-Key` (ADR 0008): the first call's answer is kept for 24 hours and given
 * again for the same key and the same call; the same key with another call is refused. Machine clients
 * must send a key; the web app sends one too. A key is claimed before the work runs, so that two
 * concurrent calls with one key cannot both act.
 */
export function createIdempotency(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repository = createIdempotencyRepository();

  return {
    async run<T>(
      context: RequestContext,
      key: string | undefined,
      call: IdempotentCall,
      status: number,
      work: () => Promise<T>,
    ): Promise<{ status: number; body: T }> {
      const actor = actorOf(context);
      if (key === undefined || key === '') {
        if (actor.kind === 'api_key')
          throw new AppError(
            'request.idempotency_key_required',
            'Send an Idempotency-Key header (a UUID) with every write',
          );
        return { status, body: await work() };
      }
      if (!KEY.test(key))
        throw new AppError('validation.failed', 'The Idempotency-Key is 1 to 200 visible ASCII characters', {
          errors: [{ path: 'headers.idempotency-key', message: 'idempotency_key.invalid' }],
        });
      const principal = actor.kind === 'user' ? actor.userId : actor.apiKeyId;
      const fingerprint = crypto
        .createHash('sha256')
        .update(`${call.method} ${call.path}\n${JSON.stringify(call.body ?? null)}`)
        .digest('hex');
      const now = clock.now();
      // A key older than the time it is kept for may be used again.
      const claimed = await repository.claim(
        db,
        { principal_id: principal, key, fingerprint, created_at: now },
        new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
      );
      if (!claimed) {
        const kept = await repository.find(db, principal, key);
        if (kept.fingerprint !== fingerprint)
          throw new AppError(
            'request.idempotency_conflict',
            'This Idempotency-Key was used for another call; use a new key for a new write',
          );
        if (kept.status_code === 0)
          throw new AppError(
            'request.idempotency_in_progress',
            'The first call with this Idempotency-Key is still running; try again shortly',
          );
        return { status: kept.status_code, body: kept.response as T };
      }
      try {
        const body = await work();
        await repository.complete(db, principal, key, status, body);
        return { status, body };
      } catch (error) {
        // A refused call keeps nothing: the client may correct it and try again with the same key.
        await repository.release(db, principal, key);
        throw error;
      }
    },

    /** Forgets answers past the time they are kept for. */
    purge: () => repository.purge(db, new Date(clock.nowMs() - IDEMPOTENCY_TTL_MS)),
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
