import { describe, expect, it } from 'vitest';
import {
  addEvidence,
  evidenceAccept,
  evidenceLimits,
  evidenceTypeAllowed,
  formatFileSize,
  totalBytes,
} from './evidence';

const MB = 1024 * 1024;
const file = (name: string, size: number, type: string, lastModified = 1) => ({
  name,
  size,
  type,
  lastModified,
});

describe('evidence types', () => {
  it('accepts pictures, PDF and recordings by media type', () => {
    for (const type of [
      'image/jpeg',
      'image/png',
      'image/webp',
      'application/pdf',
      'audio/mpeg',
      'audio/x-m4a',
      'audio/ogg',
      'audio/wav',
      'audio/amr',
    ])
      expect(evidenceTypeAllowed(file('x', 1, type)), type).toBe(true);
    for (const type of ['image/heic', 'video/mp4', 'application/zip', 'text/plain', 'image/svg+xml'])
      expect(evidenceTypeAllowed(file('x', 1, type)), type).toBe(false);
  });

  it('falls back on the extension only when the phone gives no type or a vague one', () => {
    expect(evidenceTypeAllowed(file('ghi-am.AMR', 1, ''))).toBe(true);
    expect(evidenceTypeAllowed(file('cuoc-goi.m4a', 1, 'application/octet-stream'))).toBe(true);
    expect(evidenceTypeAllowed(file('tep', 1, ''))).toBe(false);
    // A declared type that is not accepted is not saved by a hopeful name.
    expect(evidenceTypeAllowed(file('anh.png', 1, 'image/heic'))).toBe(false);
  });

  it('offers the accepted kinds in the picker', () => {
    expect(evidenceAccept.split(',')).toEqual(
      expect.arrayContaining(['image/png', 'application/pdf', 'audio/*', '.amr']),
    );
  });
});

describe('addEvidence', () => {
  it('adds what fits and says why each other file is refused', () => {
    const kept = [file('a.png', 6 * MB, 'image/png')];
    const { files, refused } = addEvidence(kept, [
      file('b.pdf', 9 * MB, 'application/pdf'),
      file('c.mp3', 11 * MB, 'audio/mpeg'),
      file('d.zip', 1, 'application/zip'),
      file('e.jpg', 9 * MB, 'image/jpeg'),
      file('f.jpg', 9 * MB, 'image/jpeg'),
      file('a.png', 6 * MB, 'image/png'),
    ]);
    expect(files.map((f) => f.name)).toEqual(['a.png', 'b.pdf', 'e.jpg']);
    expect(totalBytes(files)).toBe(24 * MB);
    expect(refused.map(({ file: f, reason }) => `${f.name}:${reason}`)).toEqual([
      'c.mp3:size',
      'd.zip:type',
      'f.jpg:total',
      'a.png:duplicate',
    ]);
  });

  it('stops at the most files a report takes', () => {
    const many = Array.from({ length: 12 }, (_, index) => file(`${index}.png`, 1000, 'image/png', index));
    const { files, refused } = addEvidence([], many);
    expect(files).toHaveLength(evidenceLimits.maxFiles);
    expect(refused.map((r) => r.reason)).toEqual(['count', 'count']);
  });

  it('accepts a file of exactly the limit', () => {
    expect(addEvidence([], [file('a.png', evidenceLimits.maxFileBytes, 'image/png')]).refused).toEqual([]);
  });
});

describe('formatFileSize', () => {
  it('says sizes in the page locale', () => {
    expect(formatFileSize(512, 'vi-VN')).toBe('512 B');
    expect(formatFileSize(300 * 1024, 'vi-VN')).toBe('300 kB');
    expect(formatFileSize(1.5 * MB, 'vi-VN')).toBe('1,5 MB');
    expect(formatFileSize(1.5 * MB, 'en-GB')).toBe('1.5 MB');
    expect(formatFileSize(10 * MB, 'en-GB')).toBe('10 MB');
  });
});
