import { CheckQuery } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkMethod,
  checkRequestFrom,
  checkSearch,
  checkTextProblem,
  maxAddressLength,
  maxCheckLength,
  postedCheckId,
  postedText,
  rememberPostedText,
} from './request';

describe('checkMethod', () => {
  it('asks by address up to 300 characters and posts anything longer', () => {
    expect(checkMethod('0912345678')).toBe('get');
    expect(checkMethod('x'.repeat(maxAddressLength))).toBe('get');
    expect(checkMethod('x'.repeat(maxAddressLength + 1))).toBe('post');
  });

  it('measures the text without the spaces around it', () => {
    expect(checkMethod(`  ${'x'.repeat(maxAddressLength)}  \n`)).toBe('get');
  });
});

describe('checkTextProblem', () => {
  it('names the codes the server uses, for the same limits', () => {
    expect(checkTextProblem('   \n ')).toBe('check.empty');
    expect(checkTextProblem('x'.repeat(maxCheckLength + 1))).toBe('check.too_long');
    expect(checkTextProblem('x'.repeat(maxCheckLength))).toBeNull();
    expect(checkTextProblem('https://vietcombank-hotro.com/login')).toBeNull();
  });

  it('agrees with the contract', () => {
    for (const text of ['', ' ', 'a', 'x'.repeat(maxCheckLength), ` ${'x'.repeat(maxCheckLength)} `]) {
      expect(checkTextProblem(text) === null, JSON.stringify(text.slice(0, 10))).toBe(
        CheckQuery.safeParse({ q: text }).success,
      );
    }
    const tooLong = CheckQuery.safeParse({ q: 'x'.repeat(maxCheckLength + 1) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toBe('check.too_long');
    expect(CheckQuery.safeParse({ q: '  ' }).error?.issues[0]?.message).toBe('check.empty');
  });
});

describe('checkSearch', () => {
  it('encodes the trimmed text as q', () => {
    expect(checkSearch(' 0912 345 678 ')).toBe('?q=0912+345+678');
    const search = checkSearch('https://a.vn/x?y=1&z=2');
    expect(new URLSearchParams(search).get('q')).toBe('https://a.vn/x?y=1&z=2');
  });
});

describe('posted texts', () => {
  it('keeps a long text under an id, never in the history state', () => {
    const text = `Tin nhắn: ${'x'.repeat(400)} gọi 0912345678`;
    const id = rememberPostedText(`  ${text} `);
    expect(postedText(id)).toBe(text);
    const state = { checkId: id };
    expect(JSON.stringify(state)).not.toContain('0912345678');
    expect(postedCheckId(state)).toBe(id);
  });

  it('reads only a well-formed state', () => {
    expect(postedCheckId(null)).toBeNull();
    expect(postedCheckId('abc')).toBeNull();
    expect(postedCheckId({ checkId: 3 })).toBeNull();
    expect(postedCheckId({ checkId: '' })).toBeNull();
  });

  it('forgets the oldest texts', () => {
    const first = rememberPostedText('first');
    for (let i = 0; i < 30; i++) rememberPostedText(`text ${i}`);
    expect(postedText(first)).toBeNull();
  });
});

describe('checkRequestFrom', () => {
  it('prefers the address, then a posted text still in memory, else nothing', () => {
    const id = rememberPostedText('a long private message');
    expect(checkRequestFrom(new URLSearchParams('q=0912345678'), { checkId: id })).toEqual({
      method: 'get',
      text: '0912345678',
    });
    expect(checkRequestFrom(new URLSearchParams(), { checkId: id })).toEqual({
      method: 'post',
      id,
      text: 'a long private message',
    });
    expect(checkRequestFrom(new URLSearchParams(), { checkId: 'gone-after-reload' })).toBeNull();
    expect(checkRequestFrom(new URLSearchParams('q=%20%20'), null)).toBeNull();
  });
});
