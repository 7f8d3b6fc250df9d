import { authenticator } from 'otplib';

/** TOTP (RFC 6238, 30 s steps, 6 digits) with one step of tolerance either side and no reuse of a step. */
const STEP_SECONDS = 30;

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(secret: string, username: string): string {
  return authenticator.keyuri(username, 'Khiên', secret);
}

/** The time step the code belongs to, or null when it matches none of the allowed steps. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const checker = authenticator.clone({ epoch: now.getTime(), window: 1, step: STEP_SECONDS });
  const delta = checker.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS) + delta;
}

/** Accepts a code once: a step at or before the last one used is a replay. */
export function acceptTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const step = matchTotp(secret, code, now);
  if (step === null || (lastStep !== null && step <= lastStep)) return null;
  return step;
}

export function totpCode(secret: string, at: Date): string {
  return authenticator.clone({ epoch: at.getTime(), step: STEP_SECONDS }).generate(secret);
}
