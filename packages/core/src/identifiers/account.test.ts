import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardNetwork,
  looksLikeCard,
  luhnValid,
  parseAccountText,
  parseBankAccount,
  parseCard,
  parseWallet,
  setCardKeyHasher,
} from './account.js';
import { allBanks } from './banks.js';

const keyOf = (result: { ok: boolean; value?: { key: string }; code?: string }) =>
  result.ok ? result.value!.key : `! ${result.code}`;

/** Appends the Luhn check digit, to make valid card numbers in tests. */
function withCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(body + digit)) return body + digit;
  throw new Error('unreachable');
}

describe('parseBankAccount', () => {
  it('gives the canonical key, display and details', () => {
    expect(parseBankAccount('Vietcombank', '0011 0044 5566 7')).toEqual({
      ok: true,
      value: {
        kind: 'bank_account',
        key: 'bank_account:970436:0011004455667',
        display: 'Vietcombank · 0011 0044 5566 7',
        details: { bin: '970436', bankCode: 'VCB', bankName: 'Vietcombank', account: '0011004455667' },
      },
    });
  });

  it('makes one key of the same account written differently', () => {
    const keys = [
      parseBankAccount('VCB', '0011004455667'),
      parseBankAccount('970436', '0011.0044.5566.7'),
      parseBankAccount('ngoại thương', '0011-0044-5566-7'),
      parseBankAccount('NGAN HANG NGOAI THUONG', ' 0011004455667 '),
      parseBankAccount('vietcombank', '００１１００４４５５６６７'),
    ].map(keyOf);
    expect(new Set(keys)).toEqual(new Set(['bank_account:970436:0011004455667']));
  });

  it('files an account under the renamed bank', () => {
    expect(keyOf(parseBankAccount('LienVietPostBank', '123456789'))).toBe('bank_account:970449:123456789');
    expect(keyOf(parseBankAccount('Ocean Bank', '123456789'))).toBe('bank_account:970414:123456789');
  });

  it.each([
    ['Vietcombunk', '0011004455667', 'bank_account.unknown_bank'],
    ['MoMo', '0912345678', 'bank_account.unknown_bank'],
    ['', '0011004455667', 'bank_account.unknown_bank'],
    ['VCB', '', 'bank_account.invalid_number'],
    ['VCB', '12345', 'bank_account.invalid_number'],
    ['VCB', '12345678901234567890', 'bank_account.invalid_number'],
    ['VCB', '0011O04455667', 'bank_account.invalid_number'],
    ['VCB', '+84912345678', 'bank_account.invalid_number'],
  ])('%s / %s → %s', (bank, account, code) => {
    expect(keyOf(parseBankAccount(bank, account))).toBe(`! ${code}`);
  });

  it('says when the "bank" is an e-wallet', () => {
    const result = parseBankAccount('MoMo', '0912345678');
    expect(!result.ok && result.message).toContain('e-wallet');
  });

  it('treats a card number as a card, never as an account', () => {
    const number = withCheckDigit('970436112233445');
    const wrongCheckDigit = number.slice(0, -1) + ((Number(number.slice(-1)) + 1) % 10);
    const result = parseBankAccount('VCB', number);
    expect(result.ok && result.value.kind).toBe('card');
    expect(JSON.stringify(result)).not.toContain(number);
    // 16 digits that fail Luhn or carry no card prefix stay an account.
    expect(keyOf(parseBankAccount('VCB', wrongCheckDigit))).toMatch(/^bank_account:/);
    expect(keyOf(parseBankAccount('VCB', withCheckDigit('123456789012345')))).toMatch(/^bank_account:/);
  });

  it('never throws, and normalising twice changes nothing', () => {
    const bins = allBanks().map((b) => b.bin);
    fc.assert(
      fc.property(fc.string(), fc.string(), (bank, account) => {
        parseBankAccount(bank, account);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...bins), fc.stringMatching(/^[\d .-]{6,30}$/), (bin, account) => {
        const once = parseBankAccount(bin, account);
        if (!once.ok || once.value.kind !== 'bank_account') return;
        const again = parseBankAccount(once.value.details.bankCode, once.value.details.account);
        expect(again.ok && again.value.key).toBe(once.value.key);
        const fromDisplay = parseAccountText(once.value.display);
        expect(fromDisplay.ok && fromDisplay.value.key).toBe(once.value.key);
      }),
    );
  });
});

describe('parseCard', () => {
  it('keys a card by first 6, last 4 and a hash; shows it masked', () => {
    const result = parseCard('4111 1111 1111 1111');
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'card',
        // SHA-256("4111111111111111") = 9bbef19476623ca56c17da75fd57734dbf82530686043a6e491c6d71befe8f6e
        key: 'card:411111…1111:9bbef19476623ca5',
        display: '4111 11•• •••• 1111',
        details: { bin6: '411111', last4: '1111', network: 'visa' },
      },
    });
  });

  it('masks 19-digit numbers too', () => {
    const number = withCheckDigit('970436123456789012');
    const result = parseCard(number);
    expect(result.ok && result.value.display).toBe(
      `9704 36•• •••• •••${number.slice(15, 16)} ${number.slice(16)}`,
    );
    expect(result.ok && result.value.details.network).toBe('napas');
  });

  it('tells cards with the same first 6 and last 4 apart', () => {
    // Swapping two digits whose positions have the same parity keeps the Luhn sum.
    const first = withCheckDigit('970436123456111');
    const second = first.slice(0, 6) + first[8] + first[7] + first[6] + first.slice(9);
    expect(luhnValid(second) && second !== first).toBe(true);
    const a = parseCard(first);
    const b = parseCard(second);
    expect(a.ok && b.ok && a.value.details.last4 === b.value.details.last4).toBe(true);
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  it.each([
    ['', 'card.invalid_number'],
    ['4111 1111 1111', 'card.invalid_number'],
    ['4111-1111-1111-111A', 'card.invalid_number'],
    ['4111 1111 1111 1112', 'card.bad_checksum'],
  ])('%s → %s', (number, code) => {
    expect(keyOf(parseCard(number))).toBe(`! ${code}`);
  });

  it('names the network', () => {
    expect(cardNetwork('9704361234')).toBe('napas');
    expect(cardNetwork('4111111111')).toBe('visa');
    expect(cardNetwork('5500000000')).toBe('mastercard');
    expect(cardNetwork('2221000000')).toBe('mastercard');
    expect(cardNetwork('2720990000')).toBe('mastercard');
    expect(cardNetwork('2721000000')).toBe('unknown');
    expect(cardNetwork('3530111333')).toBe('jcb');
    expect(cardNetwork('6011000000')).toBe('unknown');
  });

  it('never puts the full number in key, display or details', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('9704', '4', '51', '2221', '35'),
        fc.integer({ min: 15, max: 18 }),
        fc.nat(),
        (prefix, length, seed) => {
          const body = (prefix + String(seed).padStart(18, '7')).slice(0, length);
          const number = withCheckDigit(body);
          expect(looksLikeCard(number)).toBe(true);
          const result = parseCard(number);
          expect(result.ok).toBe(true);
          const text = JSON.stringify(result);
          expect(text).not.toContain(number);
          expect(text).not.toContain(number.slice(6, -4));
        },
      ),
    );
  });
});

describe('parseWallet', () => {
  it('normalises a phone-number id', () => {
    for (const id of [
      '0912345678',
      '+84912345678',
      '84912345678',
      '+84 912 345 678',
      '0912.345.678',
      '(+84) 912-345-678',
    ]) {
      expect(keyOf(parseWallet('MoMo', id)), id).toBe('ewallet:momo:0912345678');
    }
    expect(parseWallet('momo', '0912345678')).toEqual({
      ok: true,
      value: {
        kind: 'ewallet',
        key: 'ewallet:momo:0912345678',
        display: 'MoMo · 0912 345 678',
        details: { provider: 'momo', providerName: 'MoMo', id: '0912345678', idType: 'phone' },
      },
    });
  });

  it('lower-cases and trims other ids, and maps former brands', () => {
    expect(keyOf(parseWallet('ZaloPay', '  NguyenVanA.99 '))).toBe('ewallet:zalopay:nguyenvana.99');
    expect(keyOf(parseWallet('ViettelPay', '0987654321'))).toBe('ewallet:viettelmoney:0987654321');
    expect(keyOf(parseWallet('AirPay', '0987654321'))).toBe('ewallet:shopeepay:0987654321');
  });

  it.each([
    ['Zalo', '0912345678', 'ewallet.unknown_provider'],
    ['Vietcombank', '0912345678', 'ewallet.unknown_provider'],
    ['MoMo', '   ', 'ewallet.empty_id'],
    ['MoMo', 'nguyen van a', 'ewallet.invalid_id'],
    ['MoMo', 'x'.repeat(65), 'ewallet.invalid_id'],
  ])('%s / %s → %s', (provider, id, code) => {
    expect(keyOf(parseWallet(provider, id))).toBe(`! ${code}`);
  });

  it('never throws, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('momo', 'zalopay', 'vnpay'),
        fc.oneof(fc.string(), fc.string({ unit: 'binary' })),
        (provider, id) => {
          const once = parseWallet(provider, id);
          if (!once.ok) return;
          const again = parseWallet(once.value.details.provider, once.value.details.id);
          expect(again.ok && again.value.key).toBe(once.value.key);
          expect(once.value.key).not.toMatch(/\s/);
        },
      ),
    );
  });
});

describe('parseAccountText', () => {
  it.each([
    ['VCB 0011004455667', 'bank_account:970436:0011004455667'],
    ['Vietcombank - 0011004455667', 'bank_account:970436:0011004455667'],
    ['STK 0011004455667 ngân hàng ACB', 'bank_account:970416:0011004455667'],
    ['STK: 0011 0044 5566 7 - Vietcombank - NGUYEN AN BINH', 'bank_account:970436:0011004455667'],
    ['Số tài khoản 19033456789012 Techcombank', 'bank_account:970407:19033456789012'],
    ['ngân hàng Quân đội, stk 0912345678', 'bank_account:970422:0912345678'],
    ['LienVietPostBank 123456789', 'bank_account:970449:123456789'],
    ['MoMo 0912345678', 'ewallet:momo:0912345678'],
    ['ví MoMo: +84 912 345 678', 'ewallet:momo:0912345678'],
    ['ViettelPay 0987654321', 'ewallet:viettelmoney:0987654321'],
    ['thẻ 4111 1111 1111 1111', 'card:411111…1111:9bbef19476623ca5'],
  ])('%s → %s', (text, key) => {
    expect(keyOf(parseAccountText(text))).toBe(key);
  });

  it.each([
    ['', 'account_text.empty'],
    ['Vietcombank', 'account_text.no_number'],
    ['0011004455667', 'account_text.no_bank'],
    ['STK 0011004455667', 'account_text.no_bank'],
    ['Zalo 0912345678', 'bank_account.unknown_bank'],
    ['Vietcombank 0011004455667 hoặc ACB 123456789', 'account_text.multiple_numbers'],
    ['Vietcombank ACB 0011004455667', 'account_text.ambiguous_bank'],
    ['VCB 12345', 'bank_account.invalid_number'],
    ['MoMo 0912 345 678 9999', 'ewallet.invalid_id'],
  ])('%s → %s', (text, code) => {
    expect(keyOf(parseAccountText(text))).toBe(`! ${code}`);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (text) => {
          const result = parseAccountText(text);
          if (!result.ok) expect(result.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
          else expect(result.value.key).not.toMatch(/\s/);
        },
      ),
    );
  });
});

describe('card keys under a keyed hash', () => {
  it('use the hasher the server sets, and the plain hash again after it is removed', () => {
    const plain = parseCard('9704 3611 2233 4457');
    try {
      setCardKeyHasher((digits) => `k${digits.length}`);
      const keyed = parseCard('9704 3611 2233 4457');
      expect(keyed.ok && keyed.value.key).toBe('card:970436…4457:k16');
      // The display and details never change, and never hold the whole number.
      expect(keyed.ok && keyed.value.display).toBe(plain.ok && plain.value.display);
    } finally {
      setCardKeyHasher(null);
    }
    expect(parseCard('9704 3611 2233 4457')).toEqual(plain);
  });
});
