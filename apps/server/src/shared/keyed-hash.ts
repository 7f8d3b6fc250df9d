import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { createPlatformSecretsRepository } from '../db/platform-secrets.repository.js';
import type { DB } from '../db/schema.js';
import type { DataCipher } from './data-cipher.js';

/**
 * Keyed hashes (HMAC-SHA256) for values that must be matched without being readable: the part of a card's
 * registry key that tells cards apart, a reporter's contact when counting independent reports. A plain
 * hash of a phone number or a card number is reversed by trying every candidate; an HMAC is not, without
 * the key (ADR 0006).
 */
export interface KeyedHasher {
  /** Hex HMAC-SHA256 of `text` under a key derived (HKDF) from the platform's hash key for `purpose`. */
  hash(purpose: string, text: string): string;
}

export function createKeyedHasher(secret: Buffer): KeyedHasher {
  if (secret.length < 32) throw new Error('The hash key must have at least 32 bytes');
  const keys = new Map<string, Buffer>();
  const keyFor = (purpose: string) => {
    let key = keys.get(purpose);
    if (!key) {
      key = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), `khien:${purpose}`, 32));
      keys.set(purpose, key);
    }
    return key;
  };
  return {
    hash: (purpose, text) => crypto.createHmac('sha256', keyFor(purpose)).update(text, 'utf8').digest('hex'),
  };
}

const HASH_KEY = 'hash-key';

/**
 * The platform's hash key: created at the first start (32 random bytes), kept in `platform_secrets`
 * encrypted with the data key, the same on every server process. It must never change: registry keys of
 * cards depend on it. A new data key only re-encrypts it (`reencrypt`).
 */
export async function loadHashKey(db: Kysely<DB>, cipher: DataCipher): Promise<Buffer> {
  const secrets = createPlatformSecretsRepository();
  let stored = await secrets.read(db, HASH_KEY);
  if (!stored) {
    await secrets.insertIfAbsent(db, HASH_KEY, cipher.encrypt(crypto.randomBytes(32).toString('base64')));
    // Another process may have created it first: everyone uses the stored one.
    stored = await secrets.read(db, HASH_KEY);
  }
  return Buffer.from(cipher.decrypt(stored!), 'base64');
}
