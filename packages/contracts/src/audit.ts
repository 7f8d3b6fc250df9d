import { z } from 'zod';
import { IsoDateTime, PageQuery, Uuid, pageOf } from './common.js';

export const AuditEntry = z
  .object({
    seq: z.number().int(),
    occurredAt: IsoDateTime,
    actorKind: z.enum(['user', 'api_key', 'system', 'anonymous']),
    actorUserId: Uuid.nullable(),
    actorUsername: z.string().nullable(),
    actorApiKeyId: Uuid.nullable(),
    actorAgencyId: Uuid.nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetAgencyId: Uuid.nullable(),
    personalData: z.boolean(),
    reason: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  action: z.string().trim().max(100).optional(),
  actorUserId: Uuid.optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  personalData: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  agencyId: Uuid.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditPage = pageOf(AuditEntry).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
    problem: z.string().nullable(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof AuditVerification>;
