import { ReviewBody, type RuleCondition } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { conditionText } from './conditions';
import { draftText, lineColumn, nearText, parseDraftText, ruleProblem } from './draft';
import { jsonErrorOffset } from './jsonError';
import { en, vi } from './i18n';
import { initialReviewValues, namesDiffer, reviewFieldOf, toReviewBody } from './review';

const POLICE_ID = '0190f0c0-0000-7000-8000-0000000000a1';

describe('conditions in words', () => {
  const text = (condition: RuleCondition, lang: 'vi' | 'en' = 'vi') =>
    conditionText(condition, lang === 'vi' ? vi.condition : en.condition, lang === 'vi' ? 'vi-VN' : 'en-GB');

  it('writes a comparison with the symbol, the number grouped and a boolean in words', () => {
    expect(
      text({
        all: [
          { fact: 'amountVnd', op: 'gte', value: 10_000_000 },
          { fact: 'payeeNew', op: 'eq', value: true },
        ],
      }),
    ).toBe('amountVnd ≥ 10.000.000 và payeeNew = có');
    expect(
      text(
        {
          all: [
            { fact: 'amountVnd', op: 'gte', value: 10_000_000 },
            { fact: 'payeeNew', op: 'eq', value: true },
          ],
        },
        'en',
      ),
    ).toBe('amountVnd ≥ 10,000,000 and payeeNew = yes');
  });

  it('writes every operator', () => {
    expect(text({ fact: 'copResult', op: 'neq', value: 'match' })).toBe('copResult ≠ “match”');
    expect(text({ fact: 'x', op: 'lt', value: 70 })).toBe('x < 70');
    expect(text({ fact: 'x', op: 'lte', value: 1.5 })).toBe('x ≤ 1,5');
    expect(text({ fact: 'x', op: 'gt', value: 0 })).toBe('x > 0');
    expect(text({ fact: 'status', op: 'in', value: ['reported', 'verifying'] })).toBe(
      'status thuộc {“reported”, “verifying”}',
    );
    expect(text({ fact: 'status', op: 'not_in', value: [null, false] }, 'en')).toBe(
      'status not in {null, no}',
    );
    expect(text({ fact: 'hour', op: 'between', value: [0, 4] })).toBe('hour từ 0 đến 4');
    expect(text({ fact: 'hour', op: 'between', value: [0, 4] }, 'en')).toBe('hour between 0 and 4');
    expect(text({ fact: 'name', op: 'contains', value: 'shop' })).toBe('name chứa “shop”');
    expect(text({ fact: 'name', op: 'matches', value: '^a+$', flags: 'i' })).toBe('name khớp mẫu /^a+$/i');
    expect(text({ fact: 'ip', op: 'exists' })).toBe('ip có giá trị');
    expect(text({ fact: 'ip', op: 'exists', value: false }, 'en')).toBe('ip is unknown');
  });

  it('puts a group inside another group in brackets, and writes "not"', () => {
    expect(
      text({
        all: [
          { fact: 'amountVnd', op: 'gte', value: 10_000_000 },
          {
            any: [
              { fact: 'ipForeign', op: 'eq', value: true },
              { fact: 'ipAnonymising', op: 'eq', value: true },
            ],
          },
          { not: { fact: 'biometricVerified', op: 'eq', value: true } },
        ],
      }),
    ).toBe(
      'amountVnd ≥ 10.000.000 và (ipForeign = có hoặc ipAnonymising = có) và không phải (biometricVerified = có)',
    );
    // A group of one needs no brackets.
    expect(
      text({ any: [{ all: [{ fact: 'a', op: 'eq', value: 1 }] }, { fact: 'b', op: 'eq', value: 2 }] }),
    ).toBe('a = 1 hoặc b = 2');
  });
});

describe('the review body', () => {
  it('releases with the note trimmed and no notice, whatever the notice fields hold', () => {
    const values = {
      ...initialReviewValues('NGUYEN VAN A'),
      note: '  gọi điện xác minh  ',
      sendNotice: true,
    };
    expect(toReviewBody('released', values)).toEqual({ outcome: 'released', note: 'gọi điện xác minh' });
  });

  it('confirms fraud with a notice only when asked, the ID in capitals and an empty phone left out', () => {
    const values = {
      ...initialReviewValues(null),
      note: 'Lừa đảo đầu tư',
      policeAgencyId: POLICE_ID,
      holderName: ' Trần Văn B ',
      idNumber: '0012 0300 1234',
      ebankingPhone: ' ',
      reasonCode: ' 02 ',
    };
    expect(toReviewBody('confirmed_fraud', values)).toEqual({
      outcome: 'confirmed_fraud',
      note: 'Lừa đảo đầu tư',
    });
    const body = toReviewBody('confirmed_fraud', { ...values, sendNotice: true });
    expect(body).toEqual({
      outcome: 'confirmed_fraud',
      note: 'Lừa đảo đầu tư',
      notice: {
        policeAgencyId: POLICE_ID,
        holderName: 'Trần Văn B',
        idNumber: '001203001234',
        reasonCode: '02',
      },
    });
    expect(ReviewBody.safeParse(body).success).toBe(true);
    expect(
      toReviewBody('confirmed_fraud', { ...values, sendNotice: true, ebankingPhone: '0912 345 678' }).notice
        ?.ebankingPhone,
    ).toBe('0912 345 678');
  });

  it('starts from the holder’s name and puts the notice’s issues on the form’s fields', () => {
    expect(initialReviewValues('LE THI C').holderName).toBe('LE THI C');
    expect(initialReviewValues(null).holderName).toBe('');
    expect(reviewFieldOf('notice.idNumber')).toBe('idNumber');
    expect(reviewFieldOf('note')).toBe('note');
  });
});

describe('the payee’s names', () => {
  it('differ only beyond case, diacritics and spacing, and never when the holder is unknown', () => {
    expect(namesDiffer('TRAN VAN BINH', 'Trần  Văn Bình')).toBe(false);
    expect(namesDiffer('DO THI DUNG', 'Đỗ Thị Dung')).toBe(false);
    expect(namesDiffer('NGUYEN VAN NAM', 'CONG TY DAU TU ABC')).toBe(true);
    expect(namesDiffer('NGUYEN VAN NAM', null)).toBe(false);
  });
});

describe('the draft editor', () => {
  const rule = {
    id: 'big_amount',
    description: { vi: 'Số tiền lớn', en: 'A large amount' },
    when: { fact: 'amountVnd', op: 'gte' as const, value: 10_000_000 },
    action: 'warn' as const,
    score: 10,
    reasons: ['large_amount'],
    enabled: true,
  };
  const reasonTexts = { large_amount: { vi: 'Số tiền lớn.', en: 'A large amount.' } };

  it('shows a draft pretty-printed, and reads it back', () => {
    const text = draftText({ rules: [rule], reasonTexts, scoreActions: [{ minScore: 40, action: 'warn' }] });
    expect(text.split('\n')[1]).toBe('  "rules": [');
    const parsed = parseDraftText(text);
    expect(parsed.ok && parsed.body.scoreActions).toEqual([{ minScore: 40, action: 'warn' }]);
    expect(JSON.parse(draftText({ rules: [], reasonTexts: {} }))).toEqual({
      rules: [],
      reasonTexts: {},
      scoreActions: [],
    });
  });

  it('says where the JSON is broken', () => {
    expect(parseDraftText('{\n  "rules": [,\n}')).toMatchObject({
      ok: false,
      kind: 'syntax',
      line: 2,
      column: 13,
      offset: 14,
      near: '"rules": [,',
    });
    expect(parseDraftText('{"a": 1}}')).toMatchObject({ kind: 'syntax', line: 1, column: 9 });
    expect(parseDraftText('{"a": "x\n"}')).toMatchObject({ kind: 'syntax', line: 1, column: 9 });
    expect(parseDraftText('{"a": tru}')).toMatchObject({ kind: 'syntax', column: 10 });
    expect(parseDraftText('{"a": 01}')).toMatchObject({ kind: 'syntax', column: 8 });
    expect(parseDraftText('')).toMatchObject({ kind: 'syntax', line: 1, column: 1 });
    expect(jsonErrorOffset('{"a": [1, 2.5e3, -0, "\\u00e9", true, false, null, {}]}')).toBeNull();
    expect(nearText(`${'x'.repeat(100)},`, 100)).toBe(`…${'x'.repeat(40)},`);
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });

  it('lists the places that do not have the shape of a rule set, by path', () => {
    const parsed = parseDraftText(
      JSON.stringify({ rules: [{ ...rule, id: 'Bad Id', score: -1 }], reasonTexts }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok || parsed.kind !== 'shape') throw new Error('shape expected');
    expect(parsed.issues.map((issue) => issue.path)).toEqual(['rules.0.id', 'rules.0.score']);
    expect(parsed.issues[0]?.message).toBe('rule.id_invalid');
    expect(parseDraftText('[]')).toMatchObject({ ok: false, kind: 'shape' });
  });
});

describe('the problems of a refused rule set', () => {
  it('finds the rule, the place in it and the kind of problem', () => {
    expect(
      ruleProblem({ path: 'rules.foreign_ip.when.all.1', message: 'fact_unknown:ipForeignx' }, [
        'foreign',
        'foreign_ip',
      ]),
    ).toEqual({ ruleId: 'foreign_ip', path: 'when.all.1', code: 'fact_unknown', detail: 'ipForeignx' });
    expect(
      ruleProblem({ path: 'rules.a.b.reasons', message: 'reason_text_missing:x' }, ['a', 'a.b']),
    ).toEqual({
      ruleId: 'a.b',
      path: 'reasons',
      code: 'reason_text_missing',
      detail: 'x',
    });
    expect(ruleProblem({ path: 'rules.dup.when', message: 'rule_duplicate' }, ['dup'])).toMatchObject({
      ruleId: 'dup',
      code: 'rule_duplicate',
      detail: '',
    });
  });

  it('keeps a problem of the whole set on its path', () => {
    expect(ruleProblem({ path: 'rules..scoreActions.0.minScore', message: 'Too small' }, ['a'])).toEqual({
      ruleId: null,
      path: 'scoreActions.0.minScore',
      code: 'Too small',
      detail: '',
    });
  });
});
