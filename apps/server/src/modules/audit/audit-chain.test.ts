import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, canonicalJson, entryHash, type ChainedFields } from './audit-chain.js';

function chain(n: number): Array<ChainedFields & { hash: string }> {
  const entries: Array<ChainedFields & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorKind: 'user',
      actorUserId: null,
      actorUsername: `u${seq}`,
      actorApiKeyId: null,
      actorAgencyId: null,
      action: 'user.read',
      targetType: 'user',
      targetId: String(seq),
      targetAgencyId: null,
      personalData: seq % 2 === 0,
      reason: null,
      ip: '127.0.0.1',
      userAgent: null,
      requestId: null,
      details: { b: 1, a: [seq, { z: 'đ', y: null }] },
      prevHash: prev,
    };
    const hash = entryHash(fields);
    entries.push({ ...fields, hash });
    prev = hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain fed in batches', () => {
    const entries = chain(10);
    const verifier = new ChainVerifier();
    verifier.feed(entries.slice(0, 4));
    verifier.feed(entries.slice(4));
    expect(verifier.result()).toEqual({ ok: true, checked: 10, firstBrokenSeq: null, problem: null });
  });

  it('reports the first changed entry', () => {
    const entries = chain(6);
    entries[3] = { ...entries[3]!, action: 'user.update' };
    const verifier = new ChainVerifier();
    verifier.feed(entries);
    expect(verifier.result()).toMatchObject({ ok: false, checked: 3, firstBrokenSeq: 4 });
  });

  it('reports a removed entry', () => {
    const entries = chain(6);
    entries.splice(2, 1);
    const verifier = new ChainVerifier();
    verifier.feed(entries);
    expect(verifier.result()).toMatchObject({ ok: false, firstBrokenSeq: 4, checked: 2 });
  });

  it('reports a re-hashed entry by its successor', () => {
    const entries = chain(5);
    const forged = { ...entries[1]!, action: 'forged' };
    entries[1] = { ...forged, hash: entryHash(forged) };
    const verifier = new ChainVerifier();
    verifier.feed(entries);
    expect(verifier.result()).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });
});
