import crypto from 'node:crypto';
import { identify, setCardKeyHasher } from '@khien/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../platform.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../testing/databases.js';
import { startTestPlatform } from '../testing/platform.js';
import { createDataCipher, parseDataKeys } from './data-cipher.js';
import { createKeyedHasher, loadHashKey } from './keyed-hash.js';

const CARD = '9704 3611 2233 4457';

describe('keyed hashes', () => {
  it('are stable per secret and purpose, and differ with either', () => {
    const secret = crypto.randomBytes(32);
    const one = createKeyedHasher(secret);
    const hash = one.hash('card', '9704361122334457');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(createKeyedHasher(Buffer.from(secret)).hash('card', '9704361122334457')).toBe(hash);
    expect(one.hash('reporter', '9704361122334457')).not.toBe(hash);
    expect(createKeyedHasher(crypto.randomBytes(32)).hash('card', '9704361122334457')).not.toBe(hash);
    expect(() => createKeyedHasher(Buffer.alloc(8))).toThrow();
  });
});

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`the platform's hash key on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database);
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
      setCardKeyHasher(null);
    });

    it('is created once, stored encrypted, and survives a new data key', async () => {
      const db = testDb.database.db;
      const rows = await db.selectFrom('platform_secrets').selectAll().execute();
      expect(rows.map((r) => r.name)).toEqual(['hash-key']);
      const testKey = `test:${Buffer.alloc(32, 7).toString('base64')}`;
      const cipher = createDataCipher(parseDataKeys(testKey));
      const key = await loadHashKey(db, cipher);
      expect(key).toHaveLength(32);
      expect(rows[0]!.value_encrypted).not.toContain(key.toString('base64'));
      expect(await loadHashKey(db, cipher)).toEqual(key);
      // A new data key in front of the old one still opens it: the hashes do not change with a rotation.
      const rotated = createDataCipher(
        parseDataKeys(`new:${crypto.randomBytes(32).toString('base64')},${testKey}`),
      );
      expect(await loadHashKey(db, rotated)).toEqual(key);
    });

    it('keys cards in the registry with the keyed hash, and a check finds them', async () => {
      const parsed = identify(CARD);
      expect(parsed.ok).toBe(true);
      const key = parsed.ok ? parsed.value.key : '';
      const plain = crypto.createHash('sha256').update('9704361122334457').digest('hex').slice(0, 16);
      expect(key).toMatch(/^card:970436…4457:[0-9a-f]{32}$/);
      expect(key).not.toContain(plain);
      const submitted = await platform.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: {
          scamMethod: 'online_task_jobs',
          identifiers: [CARD],
          story: 'Tôi được yêu cầu nạp tiền vào thẻ này để nhận nhiệm vụ, sau đó bị chặn liên lạc.',
          provinceCode: '01',
        },
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      await platform.services.reports.linkRegistry();
      const stored = await testDb.database.db
        .selectFrom('indicators')
        .select(['key', 'display'])
        .where('kind', '=', 'card')
        .execute();
      expect(stored).toEqual([{ key, display: '9704 36•• •••• 4457' }]);
      const check = await platform.app.inject({
        method: 'GET',
        url: `/api/public/check?q=${encodeURIComponent(CARD)}`,
      });
      expect(check.json().items[0]).toMatchObject({ kind: 'card', key, verdict: 'suspicious' });
    });
  });
}
