import { CheckResponse } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
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
    clock: { now: () => new Date('2026-11-25T00:00:00Z') },
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
    const written = write(answer);
    expect(JSON.parse(written)).toEqual(answer);
    expect(CheckResponse.parse(JSON.parse(written))).toEqual(answer);
  });
});
