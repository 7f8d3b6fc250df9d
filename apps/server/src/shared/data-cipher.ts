import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption of personal data at rest (reporters' and appellants' contact details): AES-256-GCM with a
 * random 96-bit nonce per value. Several keys may be configured; the first encrypts, all decrypt, so a key
 * is rotated by putting a new one first and re-encrypting at leisure (docs/security.md).
 * A value is `<key id>.<nonce>.<tag>.<ciphertext>`, base64url parts.
 */
export interface DataKey {
  id: string;
  key: Buffer;
}

export interface DataCipher {
  encrypt(plaintext: string): string;
  decrypt(token: string): string;
  currentKeyId: string;
}

export class DataKeyError extends Error {}

/** Parses `id:base64key,id2:base64key` (each key 32 bytes). */
export function parseDataKeys(text: string): DataKey[] {
  const keys = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded] = part.split(':');
      if (!id || !encoded || !/^[A-Za-z0-9_-]{1,20}$/.test(id))
        throw new DataKeyError('Each data key is written id:base64');
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32)
        throw new DataKeyError(`Data key ${id} must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (keys.length === 0) throw new DataKeyError('No data key given');
  return keys;
}

export function createDataCipher(keys: DataKey[]): DataCipher {
  const current = keys[0];
  if (!current) throw new DataKeyError('No data key given');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    encrypt(plaintext) {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current.key, nonce);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        current.id,
        nonce.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt(token) {
      const [id, nonce, tag, body] = token.split('.');
      const key = id ? byId.get(id) : undefined;
      if (!key || !nonce || !tag || body === undefined)
        throw new DataKeyError(`No data key ${id ?? '?'} to decrypt this value`);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/**
 * For the embedded database: the data key lives beside the data in a file readable by the owner only,
 * created at the first start. (With PostgreSQL, KHIEN_DATA_KEYS must be given: a key kept on one
 * application server would be lost to the others.)
 */
export function loadOrCreateKeyFile(dataDir: string): DataKey[] {
  const file = path.join(dataDir, 'data-keys');
  if (!fs.existsSync(file)) {
    const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
    fs.writeFileSync(file, `${id}:${crypto.randomBytes(32).toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return parseDataKeys(fs.readFileSync(file, 'utf8'));
}
