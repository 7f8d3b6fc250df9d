import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineReader, splitCsvLine, type ImportFormat } from './import-formats.js';

const read = (format: ImportFormat, text: string) => {
  const reader = createLineReader(format);
  return text
    .split('\n')
    .map((line, i) => reader(line, i + 1))
    .filter((r) => r !== null);
};

describe('import formats', () => {
  it('reads CSV with a header, quotes and aliases', () => {
    const result = read(
      'csv',
      'Identifier,Scam method,Note\n0912345678,loans,"gọi nhiều lần, đe dọa"\n,other,\n"https://a.vn/x?a=1,2",,',
    );
    expect(result).toEqual([
      {
        ok: true,
        entry: { line: 2, input: '0912345678', scamMethod: 'loans', note: 'gọi nhiều lần, đe dọa' },
      },
      { ok: false, line: 3, code: 'import.csv_empty_value', message: 'The value column is empty' },
      { ok: true, entry: { line: 4, input: 'https://a.vn/x?a=1,2' } },
    ]);
    expect(read('csv', 'a,b\n1,2')[0]).toMatchObject({ ok: false, code: 'import.csv_header' });
  });

  it('reads hosts files and AdGuard lists as domains, skipping comments and exceptions', () => {
    expect(
      read(
        'hosts',
        '# blocklist\n0.0.0.0 evil.com\n127.0.0.1 localhost\n10.0.0.1 x.com\n0.0.0.0 bad.vn # note',
      ),
    ).toEqual([
      { ok: true, entry: { line: 2, input: 'evil.com', kind: 'domain' } },
      { ok: false, line: 4, code: 'import.hosts_address', message: 'Not a blocking address: 10.0.0.1' },
      { ok: true, entry: { line: 5, input: 'bad.vn', kind: 'domain' } },
    ]);
    expect(
      read(
        'adguard',
        '! Title: list\n||scam.vn^\n||phish.com^$third-party\n@@||good.vn^\nexample.com##.ad\n/regex/',
      ),
    ).toEqual([
      { ok: true, entry: { line: 2, input: 'scam.vn', kind: 'domain' } },
      { ok: true, entry: { line: 3, input: 'phish.com', kind: 'domain' } },
      {
        ok: false,
        line: 6,
        code: 'import.adguard_rule',
        message: 'Only domain rules (||host^) are imported',
      },
    ]);
  });

  it('splits CSV fields so that joining quoted fields gives them back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => s.trim() === s && !/[\r\n]/.test(s)),
          { minLength: 1, maxLength: 6 },
        ),
        (fields) => {
          const line = fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
          expect(splitCsvLine(line)).toEqual(fields);
        },
      ),
    );
  });

  it('never throws on arbitrary lines', () => {
    for (const format of ['csv', 'list', 'hosts', 'adguard'] as const) {
      const reader = createLineReader(format);
      fc.assert(fc.property(fc.string(), fc.nat(), (line, n) => void reader(line, n)));
    }
  });
});
