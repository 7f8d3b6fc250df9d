import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Khiên signs every webhook post with the endpoint's secret:
 *
 *   Khien-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>
 *
 * Verify the raw bytes as received (before any JSON parsing), refuse timestamps more than five minutes
 * away from your clock, and refuse an event id you have already accepted.
 */

export const SIGNATURE_HEADER = 'khien-signature';

export type SignatureCheck =
  | { ok: true }
  | {
      ok: false;
      /**
       * missing: no header; malformed: not `t=…,v1=…`; stale: the timestamp is too far from now (either
       * way); mismatch: signed with another secret or over another body.
       */
      reason: 'missing' | 'malformed' | 'stale' | 'mismatch';
    };

function hmac(secret: string, body: string | Uint8Array, t: number): Buffer {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest();
}

/** The header value Khiên would send for this body at time `t` (unix seconds); for tests. */
export function sign(secret: string, body: string | Uint8Array, t: number): string {
  return `t=${t},v1=${hmac(secret, body, t).toString('hex')}`;
}

/** `t` and `v1` of the header, or null when it is not well formed. Unknown fields are ignored. */
function parse(header: string): { t: number; v1: Buffer } | null {
  const fields = new Map<string, string>();
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    if (fields.has(key)) return null;
    fields.set(key, part.slice(eq + 1).trim());
  }
  const t = fields.get('t');
  const v1 = fields.get('v1');
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/i.test(v1)) return null;
  return { t: Number(t), v1: Buffer.from(v1, 'hex') };
}

/**
 * Checks a webhook's `Khien-Signature` header against its raw body. The signature is compared in
 * constant time, then the timestamp: a message is `stale` when more than `toleranceSeconds` from
 * `nowSeconds`, in the past or in the future.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  rawBody: string | Uint8Array,
  nowSeconds: number,
  toleranceSeconds = 300,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parsed = parse(header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const expected = hmac(secret, rawBody, parsed.t);
  if (!timingSafeEqual(expected, parsed.v1)) return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowSeconds - parsed.t) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}

/**
 * Remembers the event ids already accepted, each for `ttlMs`. The default (24 hours) outlasts Khiên's
 * retries of an undelivered event (1 minute doubling to 6 hours, 10 attempts), not only the five minutes a
 * signature stays fresh. Kept in memory: a bank running several receivers would keep it in a shared store.
 */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 24 * 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is seen (and remembers it); false for a replay. */
  accept(eventId: string): boolean {
    const now = this.now();
    // Ids are kept in the order they were seen, so the expired ones come first.
    for (const [id, expires] of this.#seen) {
      if (expires > now) break;
      this.#seen.delete(id);
    }
    if (this.#seen.has(eventId)) return false;
    this.#seen.set(eventId, now + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.#seen.size;
  }
}
