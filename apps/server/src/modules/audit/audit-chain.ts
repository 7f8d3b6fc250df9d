import crypto from 'node:crypto';

/** The fields of an audit entry that its hash covers (everything but the hash itself). */
export interface ChainedFields {
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorApiKeyId: string | null;
  actorAgencyId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetAgencyId: string | null;
  personalData: boolean;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so that jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(fields: ChainedFields & { hash?: string }): string {
  const { hash: _stored, ...covered } = fields;
  return crypto.createHash('sha256').update(canonicalJson(covered)).digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: string | null;
}

/**
 * Checks a run of entries in seq order, continuing from the previous run's last entry. Sequence numbers
 * start at 1 and have no gaps; each entry names its predecessor's hash and its own hash is recomputed.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  private checked = 0;
  private broken: { seq: number; problem: string } | null = null;

  feed(entries: Iterable<ChainedFields & { hash: string }>): boolean {
    for (const entry of entries) {
      if (this.broken) return false;
      if (entry.seq !== this.expectedSeq) {
        this.broken = {
          seq: entry.seq,
          problem: `expected entry ${this.expectedSeq}, found ${entry.seq} (missing entries)`,
        };
      } else if (entry.prevHash !== this.previousHash) {
        this.broken = {
          seq: entry.seq,
          problem: 'does not link to the previous entry (previous entry changed or removed)',
        };
      } else if (entryHash(entry) !== entry.hash) {
        this.broken = { seq: entry.seq, problem: 'content does not match its hash (entry changed)' };
      } else {
        this.checked++;
        this.expectedSeq++;
        this.previousHash = entry.hash;
      }
    }
    return this.broken === null;
  }

  result(): ChainCheck {
    return {
      ok: this.broken === null,
      checked: this.checked,
      firstBrokenSeq: this.broken?.seq ?? null,
      problem: this.broken?.problem ?? null,
    };
  }
}
