import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const Readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['pglite', 'postgres']),
    databaseReachable: z.boolean(),
    migrationsApplied: z.number().int(),
    migrationsPending: z.number().int(),
    jobs: z.enum(['running', 'stopped']),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;
