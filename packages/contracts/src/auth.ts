import { z } from 'zod';
import { AgencyType, ApiKeyScope, Password, Role, ScopeLevel } from './agencies.js';
import { Uuid } from './common.js';

export const LoginRequest = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(50),
    password: z.string().min(1).max(200),
    totp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'totp.invalid_format')
      .optional(),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Who is signed in (or which machine client is calling) and what they may do. */
export const Me = z
  .object({
    kind: z.enum(['user', 'api_key']),
    userId: Uuid.nullable(),
    apiKeyId: Uuid.nullable(),
    username: z.string().nullable(),
    fullName: z.string().nullable(),
    roles: z.array(Role),
    scopes: z.array(ApiKeyScope),
    agency: z.object({
      id: Uuid,
      name: z.string(),
      type: AgencyType,
      scopeLevel: ScopeLevel,
      provinceCode: z.string().nullable(),
      communeCode: z.string().nullable(),
    }),
    totpEnabled: z.boolean(),
    /** When true the session may only enrol TOTP (the configuration requires it for this user). */
    totpEnrolmentRequired: z.boolean(),
    mustChangePassword: z.boolean(),
    /** The actions of the policy table this identity may perform somewhere. */
    allowedActions: z.array(z.string()),
    sessionExpiresAt: z.string().nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const TotpEnrolment = z
  .object({ secret: z.string(), otpauthUrl: z.string() })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const ConfirmTotpRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'totp.invalid_format'),
  })
  .meta({ id: 'ConfirmTotpRequest' });
export type ConfirmTotpRequest = z.infer<typeof ConfirmTotpRequest>;

export const DisableTotpRequest = z
  .object({ password: z.string().min(1).max(200) })
  .meta({ id: 'DisableTotpRequest' });
export type DisableTotpRequest = z.infer<typeof DisableTotpRequest>;
