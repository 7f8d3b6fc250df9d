import { z } from 'zod';
import { IsoDateTime, PageQuery, Uuid, pageOf } from './common.js';

/** Kinds of agency that take part (mission.md, "Who uses it"). */
export const AgencyType = z.enum([
  'platform_operator',
  'police_province',
  'police_commune',
  'peoples_committee',
  'party_committee',
  'dept_science_technology',
  'dept_culture',
  'dept_finance',
  'dept_industry_trade',
  'dept_education',
  'dept_foreign_affairs',
  'border_guard',
  'procuracy',
  'court',
  'state_bank_branch',
  'commercial_bank',
  'payment_intermediary',
  'telecom_operator',
  'online_platform',
  'media',
  'fatherland_front',
]);
export type AgencyType = z.infer<typeof AgencyType>;

export const ScopeLevel = z.enum(['national', 'province', 'commune']);
export type ScopeLevel = z.infer<typeof ScopeLevel>;

export const Role = z.enum(['admin', 'supervisor', 'officer', 'analyst', 'auditor', 'viewer']);
export type Role = z.infer<typeof Role>;

export const Agency = z
  .object({
    id: Uuid,
    name: z.string(),
    shortName: z.string().nullable(),
    type: AgencyType,
    scopeLevel: ScopeLevel,
    provinceCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    parentId: Uuid.nullable(),
    active: z.boolean(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Agency' });
export type Agency = z.infer<typeof Agency>;

const name = z.string().trim().min(2, 'name.too_short').max(200);
const code = z
  .string()
  .trim()
  .regex(/^\d{2,5}$/, 'code.invalid');

export const CreateAgencyRequest = z
  .object({
    name,
    shortName: z.string().trim().max(50).optional(),
    type: AgencyType,
    scopeLevel: ScopeLevel,
    provinceCode: code.optional(),
    communeCode: code.optional(),
    parentId: Uuid.optional(),
  })
  .meta({ id: 'CreateAgencyRequest' });
export type CreateAgencyRequest = z.infer<typeof CreateAgencyRequest>;

export const UpdateAgencyRequest = z
  .object({
    name: name.optional(),
    shortName: z.string().trim().max(50).nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateAgencyRequest' });
export type UpdateAgencyRequest = z.infer<typeof UpdateAgencyRequest>;

export const AgencyListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: AgencyType.optional(),
  provinceCode: code.optional(),
});
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;
export const AgencyPage = pageOf(Agency).meta({ id: 'AgencyPage' });
export type AgencyPage = z.infer<typeof AgencyPage>;

export const AgencyIdParams = z.object({ agencyId: Uuid });

export const User = z
  .object({
    id: Uuid,
    agencyId: Uuid,
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    roles: z.array(Role),
    active: z.boolean(),
    totpEnabled: z.boolean(),
    lockedUntil: IsoDateTime.nullable(),
    lastLoginAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'username.invalid');

export const Password = z.string().min(12, 'password.too_short').max(200);

export const CreateUserRequest = z
  .object({
    username: Username,
    fullName: name,
    email: z.email().max(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/, 'phone.invalid')
      .optional(),
    roles: z.array(Role).min(1).max(6),
    password: Password,
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    fullName: name.optional(),
    email: z.email().max(200).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/, 'phone.invalid')
      .nullable()
      .optional(),
    roles: z.array(Role).min(1).max(6).optional(),
    active: z.boolean().optional(),
    unlock: z.boolean().optional(),
    resetTotp: z.boolean().optional(),
    newPassword: Password.optional(),
  })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const UserListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export type UserListQuery = z.infer<typeof UserListQuery>;
export const UserPage = pageOf(User).meta({ id: 'UserPage' });
export type UserPage = z.infer<typeof UserPage>;
export const UserIdParams = z.object({ agencyId: Uuid, userId: Uuid });

/** What an API key may be used for. Later capabilities add theirs. */
export const ApiKeyScope = z.enum([
  'identity:read',
  'lookup:read',
  'indicators:read',
  'indicators:write',
  'reports:write',
  'requests:read',
  'requests:write',
  'screening:write',
]);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const ApiKey = z
  .object({
    id: Uuid,
    agencyId: Uuid,
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(ApiKeyScope),
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime.nullable(),
    lastUsedAt: IsoDateTime.nullable(),
    revokedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

export const CreateApiKeyRequest = z
  .object({
    name: name,
    scopes: z.array(ApiKeyScope).min(1),
    expiresInDays: z.number().int().min(1).max(730).optional(),
  })
  .meta({ id: 'CreateApiKeyRequest' });
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

/** The secret is shown once, in this answer only; the server keeps a hash. */
export const CreatedApiKey = ApiKey.extend({ secret: z.string() }).meta({ id: 'CreatedApiKey' });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
export const ApiKeyList = z.object({ items: z.array(ApiKey) }).meta({ id: 'ApiKeyList' });
export const ApiKeyIdParams = z.object({ agencyId: Uuid, apiKeyId: Uuid });
