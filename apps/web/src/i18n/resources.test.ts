import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('has every Vietnamese key in English and every English key in Vietnamese', () => {
    expect([...enLeaves.keys()].filter((k) => !viLeaves.has(k))).toEqual([]);
    expect([...viLeaves.keys()].filter((k) => !enLeaves.has(k))).toEqual([]);
  });

  it('has no empty string', () => {
    for (const [key, text] of [...viLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same interpolation placeholders in both languages', () => {
    for (const [key, text] of viLeaves)
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('writes Vietnamese with diacritics, in precomposed form', () => {
    expect(vi.agencyType.police_province).toBe('Công an tỉnh');
    for (const [key, text] of viLeaves) expect(text, key).toBe(text.normalize('NFC'));
  });
});
