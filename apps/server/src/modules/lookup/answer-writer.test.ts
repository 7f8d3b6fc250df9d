import { CheckResponse, IndicatorKind, PublicVerdict, ScamMethod } from '@khien/contracts';
import fastJson, { type AnySchema } from 'fast-json-stringify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../../shared/clock.js';
import { compileAnswerWriter } from './answer-writer.js';
import { CheckCounter } from './check-counter.js';
import { IndicatorIndex, type IndexEntry } from './indicator-index.js';
import { createLookupService } from './lookup.service.js';

const entry = (status: IndexEntry['status'], methods: IndexEntry['methods']): IndexEntry => ({
  status,
  sharing: 'public',
  confidence: 80,
  reportCount: 3,
  methods,
  lastSeen: new Date('2026-11-20T08:00:00Z'),
});

describe('the check answer writer', () => {
  const index = new IndicatorIndex();
  index.build([
    [
      'phone:+84912345678',
      entry('confirmed_scam', ['impersonate_police_procuracy_court', 'fake_investment_crypto_forex']),
    ],
    ['phone:+84987654321', entry('reported', [])],
    ['domain:lua-dao.example', entry('verifying', ['fake_shop_delivery'])],
  ]);
  const lookup = createLookupService({
    index,
    allowlist: new Map([['phone:+842439366666', { organisation: 'Ngân hàng thử', category: 'bank' }]]),
    counter: new CheckCounter(),
    clock: new ManualClock(new Date('2026-11-25T00:00:00Z')),
  });
  const write = compileAnswerWriter();

  // Answers of every shape: each verdict, official details, a brand imitated, methods, problems, a
  // message with several identifiers, Vietnamese text with quotes and line breaks in what was pasted.
  it.each([
    '0912345678',
    '0987 654 321',
    '024 3936 6666',
    'vietcombank-hotro.com',
    'https://lua-dao.example/"dang-nhap"\n?x=1',
    'chinhphu.gov.vn',
    'Chuyển khoản vào STK 0123456789 Vietcombank, gọi 0912345678 hoặc 099',
    'không có gì để kiểm tra',
    '00020101021238570010A000000727012700069704360113VCB00000000010208QRIBFTTA53037045802VN6304ABCD',
  ])('writes back exactly the answer to %j', (input) => {
    const answer = lookup.check(input);
    const written = write(answer).toString('utf8');
    expect(JSON.parse(written)).toEqual(answer);
    expect(CheckResponse.parse(JSON.parse(written))).toEqual(answer);
    // Twice: the second time from the JSON it kept of the shared texts.
    expect(bytes(write(lookup.check(input)))).toBe(bytes(reference(answer)));
    expect(bytes(write(answer))).toBe(bytes(reference(answer)));
  });

  // The writer fast-json-stringify compiles from the contract: the bytes every answer must have.
  const reference = fastJson(z.toJSONSchema(CheckResponse, { io: 'output' }) as AnySchema);
  /** UTF-8 bytes one character each, for a byte-for-byte comparison that reads well when it fails. */
  const bytes = (json: string | Buffer) =>
    (typeof json === 'string' ? Buffer.from(json) : json).toString('latin1');
  // Any text, lone surrogates, quotes, control characters and Vietnamese included.
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
  const text = fc
    .tuple(anyText, anyText, anyText, fc.boolean())
    .map(([code, vi, en, frozen]) => (frozen ? Object.freeze({ code, vi, en }) : { code, vi, en }));
  const texts = fc
    .tuple(fc.array(text, { maxLength: 3 }), fc.boolean())
    .map(([list, frozen]) => (frozen ? Object.freeze(list) : list) as typeof list);
  const item = fc.record({
    kind: fc.constantFrom(...IndicatorKind.options),
    key: anyText,
    display: anyText,
    verdict: fc.constantFrom(...PublicVerdict.options),
    reasons: texts,
    advice: texts,
    reportCount: fc.option(fc.integer(), { nil: null }),
    lastReportedAt: fc.option(anyText, { nil: null }),
    scamMethods: fc
      .tuple(fc.uniqueArray(fc.constantFrom(...ScamMethod.options), { maxLength: 4 }), fc.boolean())
      .map(([list, frozen]) => (frozen ? Object.freeze(list) : list) as typeof list),
    official: fc.option(fc.record({ organisation: anyText, category: anyText }), { nil: null }),
    imitates: fc.option(fc.record({ brand: anyText, officialDomains: fc.array(anyText, { maxLength: 3 }) }), {
      nil: null,
    }),
    appealable: fc.boolean(),
    reportUrl: fc.option(anyText, { nil: null }),
  });
  const answer = fc.record({
    verdict: fc.constantFrom(...PublicVerdict.options),
    items: fc.array(item, { maxLength: 3 }),
    problems: fc.array(fc.record({ input: anyText, code: anyText, message: anyText }), { maxLength: 2 }),
  });

  it('writes the same bytes as the writer compiled from the contract, for any answer', () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 4 }), (answers) => {
        // Each answer twice, so that kept JSON of the frozen texts is used too.
        for (const one of [...answers, ...answers]) expect(bytes(write(one))).toBe(bytes(reference(one)));
      }),
      { numRuns: 500 },
    );
  });
});
