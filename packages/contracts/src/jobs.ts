import { z } from 'zod';

/** Job payloads: one schema per job name (architecture.md, convention 5). */
export const JobPayloads = {
  'sessions.purge-expired': z.object({}),
  'audit.verify-chain': z.object({}),
  'indicators.expire': z.object({}),
} as const;
export type JobName = keyof typeof JobPayloads;
export type JobPayload<N extends JobName> = z.infer<(typeof JobPayloads)[N]>;
