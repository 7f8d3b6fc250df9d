import type { User } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { editValuesOf, isLocked, userChanges } from './changes';

const user: User = {
  id: '0197a2b4-7c1e-7d3a-9f00-000000000010',
  agencyId: '0197a2b4-7c1e-7d3a-9f00-000000000002',
  username: 'tranthib',
  fullName: 'Trần Thị B',
  email: 'b@congan.example.vn',
  phone: null,
  roles: ['officer', 'analyst'],
  active: true,
  totpEnabled: true,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('userChanges', () => {
  it('sends nothing when nothing changed, whatever the order of the roles', () => {
    expect(userChanges(user, { ...editValuesOf(user), roles: ['analyst', 'officer'] })).toEqual({});
  });

  it('sends only the changed fields, null for a cleared one', () => {
    const values = {
      ...editValuesOf(user),
      email: '  ',
      phone: '0912 345 678',
      roles: ['viewer'],
      active: false,
    };
    expect(userChanges(user, values)).toEqual({
      email: null,
      phone: '0912 345 678',
      roles: ['viewer'],
      active: false,
    });
  });

  it('includes the one-off actions when asked', () => {
    const values = {
      ...editValuesOf(user),
      unlock: true,
      resetTotp: true,
      newPassword: 'a-long-new-password',
    };
    expect(userChanges(user, values)).toEqual({
      unlock: true,
      resetTotp: true,
      newPassword: 'a-long-new-password',
    });
  });
});

describe('isLocked', () => {
  it('is locked only until the time passes', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(isLocked({ ...user, lockedUntil: '2026-01-01T10:05:00Z' }, now)).toBe(true);
    expect(isLocked({ ...user, lockedUntil: '2026-01-01T09:55:00Z' }, now)).toBe(false);
    expect(isLocked(user, now)).toBe(false);
  });
});
