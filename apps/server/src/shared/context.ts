import type { Actor } from './policy.js';

/** Who is asking, from where and why: passed from the HTTP layer to services, never read globally. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The reason given for the request (X-Khien-Reason), recorded with reads of personal data. */
  reason: string | null;
}

export const systemContext: RequestContext = {
  actor: null,
  ip: null,
  userAgent: null,
  requestId: null,
  reason: 'system',
};
