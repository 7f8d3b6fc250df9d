import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code, e.g. `auth.invalid_credentials`'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Validation errors, one per field'),
    retryAfterSeconds: z.number().int().optional().describe('With `rate_limited`: when to try again'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const Uuid = z.uuid();
export const IsoDateTime = z.string().describe('ISO 8601 date-time');

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const Ok = z.object({ ok: z.literal(true) });
