/** The two codes that let a citizen follow a report or an appeal: the tracking code and the secret. */
export interface FollowRequest {
  trackingCode: string;
  secret: string;
}

/**
 * The secret of a report or an appeal sent from this tab, kept only in memory (never in the address or
 * the history), so that following it right after sending does not ask for the secret again. A reload
 * forgets it.
 */
const secrets = new Map<string, string>();

export function rememberSecret(trackingCode: string, secret: string): void {
  secrets.set(trackingCode, secret);
}

export function rememberedSecret(trackingCode: string | null | undefined): string | null {
  return trackingCode ? (secrets.get(trackingCode) ?? null) : null;
}
