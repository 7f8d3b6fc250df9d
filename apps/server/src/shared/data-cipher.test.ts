import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataCipher, loadOrCreateKeyFile, parseDataKeys } from './data-cipher.js';

const key = (id: string) => `${id}:${crypto.randomBytes(32).toString('base64')}`;

describe('data cipher', () => {
  it('round-trips any text and never repeats a ciphertext', () => {
    const cipher = createDataCipher(parseDataKeys(key('a')));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const token = cipher.encrypt(text);
        expect(cipher.decrypt(token)).toBe(text);
        expect(cipher.encrypt(text)).not.toBe(token);
      }),
    );
  });

  it('decrypts with older keys after rotation and refuses tampered values', () => {
    const old = key('old');
    const before = createDataCipher(parseDataKeys(old));
    const token = before.encrypt('Nguyễn Văn A, 0912345678');
    const after = createDataCipher(parseDataKeys(`${key('new')},${old}`));
    expect(after.currentKeyId).toBe('new');
    expect(after.decrypt(token)).toBe('Nguyễn Văn A, 0912345678');
    const parts = token.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => after.decrypt([...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => createDataCipher(parseDataKeys(key('other'))).decrypt(token)).toThrow(/No data key old/);
  });

  it('rejects malformed keys and keeps a key file for the embedded database', () => {
    expect(() => parseDataKeys('a:short')).toThrow(/32 bytes/);
    expect(() => parseDataKeys('')).toThrow();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-keys-'));
    try {
      const first = loadOrCreateKeyFile(dir);
      expect(loadOrCreateKeyFile(dir)).toEqual(first);
      expect(fs.statSync(path.join(dir, 'data-keys')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
