import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7), generated here because PostgreSQL 15 has no uuidv7(). */
export const newId = (): string => v7();

// No 0/O/1/I: codes are read out on the phone. 32 letters, so a random byte maps to one evenly.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random code of `length` characters people can read out (tracking codes TG-…, KN-…, YC-…). */
export function readableCode(length: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => CODE_ALPHABET[b % 32]).join('');
}
