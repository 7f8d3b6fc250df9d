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

/** How a member of the public can be reached: a name, and a phone number or an e-mail address. */
export const contactFields = {
  fullName: z.string().trim().min(2, 'name.too_short').max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{8,20}$/, 'phone.invalid')
    .optional(),
  email: z.email().max(200).optional(),
};
/** With `.refine(...contactRequired)`: at least one of the phone and the e-mail. */
export const contactRequired: [
  (v: { phone?: string | undefined; email?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [(v) => Boolean(v.phone || v.email), { message: 'contact.required', path: ['phone'] }];

/**
 * Public submissions (appeals `KN-…`, reports `TG-…`) are followed with a tracking code and a secret
 * shown once. The code is read out on the phone: two letters, a dash and 8 characters.
 */
export function trackingParams(prefix: 'KN' | 'TG') {
  return z.object({
    trackingCode: z.string().regex(new RegExp(`^${prefix}-[A-Z0-9]{8}$`), 'tracking_code.invalid'),
  });
}

/** The part of a receipt that lets the sender follow what they sent. */
export function trackingReceipt(what: string) {
  return {
    trackingCode: z.string(),
    secret: z.string().describe(`Shown once: needed with the tracking code to follow the ${what}`),
  };
}
