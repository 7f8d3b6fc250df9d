import type { Role, UpdateUserRequest, User } from '@khien/contracts';

export interface EditUserValues {
  fullName: string;
  email: string;
  phone: string;
  roles: string[];
  active: boolean;
  unlock: boolean;
  resetTotp: boolean;
  newPassword: string;
}

export function editValuesOf(user: User): EditUserValues {
  return {
    fullName: user.fullName,
    email: user.email ?? '',
    phone: user.phone ?? '',
    roles: [...user.roles],
    active: user.active,
    unlock: false,
    resetTotp: false,
    newPassword: '',
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/** Only what the person changed goes into the PATCH: an untouched field is left out, a cleared one is null. */
export function userChanges(user: User, values: EditUserValues): UpdateUserRequest {
  const changes: UpdateUserRequest = {};
  const fullName = values.fullName.trim();
  const email = values.email.trim();
  const phone = values.phone.trim();
  if (fullName !== user.fullName) changes.fullName = fullName;
  if (email !== (user.email ?? '')) changes.email = email === '' ? null : email;
  if (phone !== (user.phone ?? '')) changes.phone = phone === '' ? null : phone;
  if (!sameSet(values.roles, user.roles)) changes.roles = values.roles as Role[];
  if (values.active !== user.active) changes.active = values.active;
  if (values.unlock) changes.unlock = true;
  if (values.resetTotp) changes.resetTotp = true;
  if (values.newPassword !== '') changes.newPassword = values.newPassword;
  return changes;
}

export function isLocked(user: User, now = Date.now()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}
