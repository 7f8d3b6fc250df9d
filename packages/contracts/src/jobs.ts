import { z } from 'zod';

/** Job payloads: one schema per job name (architecture.md, convention 5). */
export const JobPayloads = {
  'sessions.purge-expired': z.object({}),
  'audit.verify-chain': z.object({}),
  'indicators.expire': z.object({}),
  // Sends what is waiting in the notification outbox; with an id, that message first.
  'notifications.deliver': z.object({ id: z.uuid().optional() }),
  'reports.remind-deadlines': z.object({}),
  // Puts the identifiers of stored reports into the registry when their own run could not (ADR 0007).
  'reports.link-registry': z.object({}),
  // Raises the escalation of unanswered inter-agency requests and tells who must act (ADR 0008).
  'requests.escalate': z.object({}),
  // Lapses holds that were not renewed, and releases their money in the ledger.
  'requests.expire-holds': z.object({}),
  // Posts webhook events that are due (new ones are posted at once; this retries with backoff).
  'requests.deliver-webhooks': z.object({}),
} as const;
export type JobName = keyof typeof JobPayloads;
export type JobPayload<N extends JobName> = z.infer<(typeof JobPayloads)[N]>;
