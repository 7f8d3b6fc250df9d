import { describe, expect, it } from 'vitest';
import { rememberedSecret, rememberSecret } from './codes';

describe('codes', () => {
  it('remembers a secret in this tab only, by its code', () => {
    expect(rememberedSecret('KN-AAAAAAAA')).toBeNull();
    rememberSecret('KN-AAAAAAAA', 's3cret');
    expect(rememberedSecret('KN-AAAAAAAA')).toBe('s3cret');
    expect(rememberedSecret('TG-AAAAAAAA')).toBeNull();
    expect(rememberedSecret(null)).toBeNull();
  });
});
