import { describe, expect, it } from 'vitest';
import {
  amountDigits,
  caretAfterDigits,
  digitsBeforeCaret,
  groupDigits,
  parseAmount,
  sumAmounts,
  thousandsSeparator,
} from './amount';

describe('amounts as they are typed', () => {
  it('keeps the digits of whatever was typed or pasted', () => {
    expect(amountDigits('1.500.000 đ')).toBe('1500000');
    expect(amountDigits('1,500,000')).toBe('1500000');
    expect(amountDigits('  007 ')).toBe('7');
    expect(amountDigits('000')).toBe('0');
    expect(amountDigits('abc')).toBe('');
    expect(amountDigits('123456789012345678')).toBe('12345678901234');
  });

  it('reads nothing as no amount and the digits as a number', () => {
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('15000000')).toBe(15_000_000);
    expect(parseAmount('10000000000000')).toBe(1e13);
  });

  it('groups in thousands with the separator of the language', () => {
    expect(groupDigits('1500000', '.')).toBe('1.500.000');
    expect(groupDigits('1500000', ',')).toBe('1,500,000');
    expect(groupDigits('999', '.')).toBe('999');
    expect(groupDigits('', '.')).toBe('');
    expect(thousandsSeparator('vi-VN')).toBe('.');
    expect(thousandsSeparator('en-GB')).toBe(',');
  });

  it('keeps the caret after the digit it followed when the box is regrouped', () => {
    // "1.500.00|0" → typing 9 before the last 0 gives "1.500.0090" with the caret after the 9.
    const typed = '1.500.0090';
    const before = digitsBeforeCaret(typed, 9);
    expect(before).toBe(7);
    const grouped = groupDigits(amountDigits(typed), '.');
    expect(grouped).toBe('15.000.090');
    expect(grouped.slice(0, caretAfterDigits(grouped, before))).toBe('15.000.09');
    expect(caretAfterDigits(grouped, 0)).toBe(0);
    expect(caretAfterDigits(grouped, 99)).toBe(grouped.length);
  });

  it('adds up the transfers, counting empty amounts as nothing', () => {
    expect(sumAmounts([])).toBe(0);
    expect(sumAmounts(['5000000', '', '2500000'])).toBe(7_500_000);
  });
});
