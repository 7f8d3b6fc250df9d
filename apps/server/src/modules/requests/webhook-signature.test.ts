import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSignature,
  newWebhookSecret,
  retryDelayMs,
  signatureOf,
  webhookUrlAllowed,
} from './webhook-signature.js';

describe('webhook signatures', () => {
  it('verifies what it signs, and nothing changed', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), (body, t) => {
        const secret = 'whsec_test';
        const header = signatureOf(secret, body, t);
        expect(checkSignature(secret, header, body, t + 10)).toEqual({ ok: true });
        expect(checkSignature('whsec_other', header, body, t)).toEqual({ ok: false, reason: 'mismatch' });
        expect(checkSignature(secret, header, `${body} `, t)).toEqual({ ok: false, reason: 'mismatch' });
      }),
    );
  });

  it('refuses missing, malformed and stale signatures', () => {
    const header = signatureOf('s', '{}', 1_800_000_000);
    expect(checkSignature('s', undefined, '{}', 1_800_000_000)).toEqual({ ok: false, reason: 'missing' });
    expect(checkSignature('s', 'v1=abc', '{}', 1_800_000_000)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSignature('s', header, '{}', 1_800_000_301)).toEqual({ ok: false, reason: 'stale' });
    expect(checkSignature('s', header, '{}', 1_799_999_699)).toEqual({ ok: false, reason: 'stale' });
    expect(checkSignature('s', header, '{}', 1_800_000_300)).toEqual({ ok: true });
  });

  it('makes distinct secrets and backs off from a minute to six hours', () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect([1, 2, 3, 9, 10].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 15_360_000, 21_600_000]);
  });

  it('posts over https, and over http only to private and loopback receivers', () => {
    expect(webhookUrlAllowed('https://bank.example.vn/khien')).toBe(true);
    expect(webhookUrlAllowed('http://127.0.0.1:9000/hooks')).toBe(true);
    expect(webhookUrlAllowed('http://10.2.3.4/hooks')).toBe(true);
    expect(webhookUrlAllowed('http://bank.example.vn/hooks')).toBe(false);
    expect(webhookUrlAllowed('https://169.254.169.254/latest')).toBe(false);
    expect(webhookUrlAllowed('https://user:pw@bank.example.vn/')).toBe(false);
    expect(webhookUrlAllowed('ftp://bank.example.vn/')).toBe(false);
    expect(webhookUrlAllowed('not a url')).toBe(false);
  });
});
