import { describe, expect, it } from 'vitest';
import { ReplayGuard, sign, verifySignature } from './webhook.js';

const secret = 'whsec_test_1';
const body = JSON.stringify({ id: 'evt-1', type: 'request.created', request: { id: 'r-1' } });
const now = 1_780_000_000;

describe('verifySignature', () => {
  it('accepts what sign() produced, over a string or the raw bytes', () => {
    const header = sign(secret, body, now);
    expect(header).toMatch(/^t=1780000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, now)).toEqual({ ok: true });
    expect(verifySignature(secret, header, Buffer.from(body), now + 10)).toEqual({ ok: true });
  });

  it('ignores fields it does not know (a future v2)', () => {
    expect(verifySignature(secret, `${sign(secret, body, now)},v2=abc`, body, now)).toEqual({ ok: true });
  });

  it('refuses a missing header', () => {
    expect(verifySignature(secret, undefined, body, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature(secret, '', body, now)).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['not a signature'],
    ['v1=' + 'a'.repeat(64)],
    [`t=${now}`],
    [`t=soon,v1=${'a'.repeat(64)}`],
    [`t=${now},v1=abc`],
    [`t=${now},t=${now},v1=${'a'.repeat(64)}`],
  ])('refuses a malformed header: %s', (header) => {
    expect(verifySignature(secret, header, body, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a timestamp more than the tolerance in the past or in the future', () => {
    expect(verifySignature(secret, sign(secret, body, now - 300), body, now).ok).toBe(true);
    expect(verifySignature(secret, sign(secret, body, now + 300), body, now).ok).toBe(true);
    expect(verifySignature(secret, sign(secret, body, now - 301), body, now)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySignature(secret, sign(secret, body, now + 301), body, now)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySignature(secret, sign(secret, body, now - 60), body, now, 30).ok).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    expect(verifySignature(secret, sign('whsec_other', body, now), body, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a body changed by one byte', () => {
    const changed = Buffer.from(body);
    changed[10] = changed[10]! ^ 1;
    expect(verifySignature(secret, sign(secret, body, now), changed, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a signature moved to another timestamp', () => {
    const v1 = sign(secret, body, now).split(',')[1];
    expect(verifySignature(secret, `t=${now + 1},${v1}`, body, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});

describe('ReplayGuard', () => {
  it('accepts an event id once, then refuses it until it expires', () => {
    let clock = 0;
    const guard = new ReplayGuard(1_000, () => clock);
    expect(guard.accept('evt-1')).toBe(true);
    expect(guard.accept('evt-1')).toBe(false);
    expect(guard.accept('evt-2')).toBe(true);
    clock = 999;
    expect(guard.accept('evt-1')).toBe(false);
    clock = 1_000;
    expect(guard.size).toBe(2);
    expect(guard.accept('evt-3')).toBe(true);
    expect(guard.size).toBe(1); // evt-1 and evt-2 forgotten
    expect(guard.accept('evt-1')).toBe(true);
  });
});
