import crypto from 'node:crypto';
import type { AgencyType, Role, ScopeLevel } from '@khien/contracts';

/** Pure rules about agencies, staff and keys. */

const LEVEL_OF_TYPE: Partial<Record<AgencyType, ScopeLevel>> = {
  platform_operator: 'national',
  police_province: 'province',
  police_commune: 'commune',
};

export type ScopeProblem =
  | 'national_has_area'
  | 'province_missing'
  | 'province_has_commune'
  | 'commune_missing'
  | 'type_level_mismatch';

export function scopeProblem(input: {
  type: AgencyType;
  scopeLevel: ScopeLevel;
  provinceCode?: string | null;
  communeCode?: string | null;
}): ScopeProblem | null {
  const expected = LEVEL_OF_TYPE[input.type];
  if (expected && expected !== input.scopeLevel) return 'type_level_mismatch';
  switch (input.scopeLevel) {
    case 'national':
      return input.provinceCode || input.communeCode ? 'national_has_area' : null;
    case 'province':
      if (!input.provinceCode) return 'province_missing';
      return input.communeCode ? 'province_has_commune' : null;
    case 'commune':
      if (!input.provinceCode) return 'province_missing';
      return input.communeCode ? null : 'commune_missing';
  }
}

export const SCOPE_PROBLEM_TEXT: Record<ScopeProblem, string> = {
  national_has_area: 'A national agency has no province or commune',
  province_missing: 'Choose the province of the agency',
  province_has_commune: 'A province-level agency has no commune',
  commune_missing: 'Choose the commune of the agency',
  type_level_mismatch: 'This type of agency works at another level',
};

const POLICE_TYPES: readonly AgencyType[] = ['police_province', 'police_commune'];

/** Whether the configuration requires this person to use a TOTP second factor. */
export function totpRequired(
  required: ReadonlyArray<'admin' | 'police' | 'all'>,
  roles: readonly Role[],
  agencyType: AgencyType,
): boolean {
  if (required.includes('all')) return true;
  if (required.includes('admin') && roles.includes('admin')) return true;
  return required.includes('police') && POLICE_TYPES.includes(agencyType);
}

/** API keys: `khien_<prefix>_<secret>`. The prefix finds the key; only a hash of the whole key is kept. */
export function newApiKeySecret(): { key: string; prefix: string; hash: string } {
  const prefix = crypto.randomBytes(6).toString('hex');
  const key = `khien_${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = /^khien_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return match ? { prefix: match[1]! } : null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
