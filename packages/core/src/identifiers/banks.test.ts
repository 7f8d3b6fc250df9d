import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allBanks,
  allWallets,
  bankByBin,
  bankLookupKey,
  findBank,
  findWallet,
  officialBankDomains,
  walletByBin,
} from './banks.js';

const shortNameOf = (text: string) => findBank(text)?.shortName ?? null;

describe('bank reference data', () => {
  it('has one record per BIN, each a 6-digit number with a code and names', () => {
    const banks = allBanks();
    expect(banks.length).toBeGreaterThanOrEqual(55);
    expect(new Set(banks.map((b) => b.bin)).size).toBe(banks.length);
    expect(new Set(banks.map((b) => b.code.toUpperCase())).size).toBe(banks.length);
    for (const bank of banks) {
      expect(bank.bin).toMatch(/^\d{6}$/);
      expect(bank.code).toMatch(/^[A-Za-z0-9 ]+$/);
      expect(bank.shortName.trim()).not.toBe('');
      expect(bank.nameVi.trim()).not.toBe('');
    }
  });

  it('finds every bank by each of its own names, and by nothing that names another bank', () => {
    for (const bank of allBanks()) {
      for (const name of [
        bank.bin,
        bank.code,
        bank.shortName,
        bank.nameVi,
        ...bank.aliases,
        ...bank.formerNames,
      ]) {
        expect(findBank(name)?.bin, `${name} → ${bank.shortName}`).toBe(bank.bin);
      }
    }
  });

  it('keeps bank and wallet names apart', () => {
    for (const wallet of allWallets()) {
      for (const name of [wallet.provider, wallet.name, ...wallet.aliases, ...wallet.formerNames]) {
        expect(findBank(name), name).toBeNull();
        expect(findWallet(name)?.provider, name).toBe(wallet.provider);
      }
    }
  });
});

describe('findBank', () => {
  it.each([
    ['970436', 'Vietcombank'],
    ['VCB', 'Vietcombank'],
    ['vcb', 'Vietcombank'],
    ['vietcombank', 'Vietcombank'],
    ['VIETCOMBANK', 'Vietcombank'],
    ['Ngoại thương', 'Vietcombank'],
    ['ngoai thuong', 'Vietcombank'],
    ['NGOẠI THƯƠNG', 'Vietcombank'],
    ['Ngân hàng TMCP Ngoại Thương Việt Nam', 'Vietcombank'],
    ['ngan hang ngoai thuong', 'Vietcombank'],
    ['NH Vietcombank', 'Vietcombank'],
    ['Vietcombank bank', 'Vietcombank'],
    ['ICB', 'VietinBank'],
    ['CTG', 'VietinBank'],
    ['Công thương', 'VietinBank'],
    ['Agribank', 'Agribank'],
    ['VBA', 'Agribank'],
    ['BIDV', 'BIDV'],
    ['MB', 'MBBank'],
    ['MB Bank', 'MBBank'],
    ['Quân đội', 'MBBank'],
    ['TCB', 'Techcombank'],
    ['ngân hàng ACB', 'ACB'],
    ['Á Châu', 'ACB'],
    ['  acb  ', 'ACB'],
    ['MSB', 'MSB'],
    ['Sài Gòn Thương Tín', 'Sacombank'],
    ['Sài Gòn', 'SCB'],
    ['SaigonBank', 'SaigonBank'],
    ['Sài Gòn - Hà Nội', 'SHB'],
  ])('%s → %s', (text, name) => {
    expect(shortNameOf(text)).toBe(name);
  });

  it.each([
    // LienVietPostBank → LPBank (xuannghia marks the old entry deprecated)
    ['LienVietPostBank', 'LPBank'],
    ['Ngân hàng TMCP Bưu Điện Liên Việt', 'LPBank'],
    ['LPB', 'LPBank'],
    ['Lộc Phát', 'LPBank'],
    // Maritime Bank → MSB
    ['Maritime Bank', 'MSB'],
    // OceanBank → MBV
    ['OceanBank', 'MBV'],
    ['Ocean Bank', 'MBV'],
    ['Đại Dương', 'MBV'],
    // DongA Bank → Vikki
    ['DongA Bank', 'Vikki'],
    ['Đông Á', 'Vikki'],
    // Viet Capital Bank → BVBank (ghuyphan still says VietCapitalBank, code VCCB)
    ['VietCapitalBank', 'BVBank'],
    ['VCCB', 'BVBank'],
    ['Bản Việt', 'BVBank'],
    // PGBank's former official name
    ['Ngân hàng TMCP Xăng dầu Petrolimex', 'PGBank'],
    // Navibank → NCB
    ['Navibank', 'NCB'],
    ['NVB', 'NCB'],
  ])('former name %s → %s', (text, name) => {
    expect(shortNameOf(text)).toBe(name);
  });

  it('resolves the BVB clash: VietQR code of BaoViet Bank, not xuannghia’s code for Bản Việt', () => {
    expect(shortNameOf('BVB')).toBe('BaoViet Bank');
    expect(shortNameOf('BVBank')).toBe('BVBank');
  });

  it('answers null for unknown or ambiguous names', () => {
    for (const text of [
      '',
      '   ',
      'ngân hàng',
      'bank',
      'Zalo',
      'Viettel',
      'Kookmin',
      '970000',
      '97043',
      'Vietcombanks',
    ]) {
      expect(findBank(text), text).toBeNull();
    }
    // Two branches share the name; the branch must be given.
    expect(shortNameOf('Kookmin HN')).toBe('Kookmin HN');
  });

  it('never throws and is insensitive to case and diacritics', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        findBank(text);
        findWallet(text);
      }),
    );
    const names = allBanks().flatMap((b) => [b.shortName, b.nameVi, ...b.aliases]);
    fc.assert(
      fc.property(fc.constantFrom(...names), (name) => {
        const bank = findBank(name);
        expect(findBank(name.toUpperCase())).toBe(bank);
        expect(findBank(bankLookupKey(name))).toBe(bank);
      }),
    );
  });

  it('looks banks up by BIN', () => {
    expect(bankByBin('970436')?.code).toBe('VCB');
    expect(bankByBin('970422')?.code).toBe('MB');
    expect(bankByBin('971025')).toBeNull();
    expect(bankByBin('VCB')).toBeNull();
  });
});

describe('findWallet', () => {
  it.each([
    ['MoMo', 'momo'],
    ['momo', 'momo'],
    ['Ví MoMo', 'momo'],
    ['ví điện tử momo', 'momo'],
    ['ZaloPay', 'zalopay'],
    ['Zalo Pay', 'zalopay'],
    ['Viettel Money', 'viettelmoney'],
    ['ViettelPay', 'viettelmoney'],
    ['VNPAY', 'vnpay'],
    ['ShopeePay', 'shopeepay'],
    ['AirPay', 'shopeepay'],
    ['VNPT Money', 'vnptmoney'],
  ])('%s → %s', (text, provider) => {
    expect(findWallet(text)?.provider).toBe(provider);
  });

  it('does not take a messenger or a telecom operator for a wallet', () => {
    expect(findWallet('Zalo')).toBeNull();
    expect(findWallet('Viettel')).toBeNull();
    expect(findWallet('Vietcombank')).toBeNull();
  });

  it('knows MoMo’s NAPAS BIN', () => {
    expect(walletByBin('971025')?.provider).toBe('momo');
    expect(allWallets().map((w) => w.provider)).toEqual(
      expect.arrayContaining(['momo', 'zalopay', 'viettelmoney', 'vnpay', 'shopeepay']),
    );
  });
});

describe('officialBankDomains', () => {
  it('lists registrable domains, current and former', () => {
    const domains = officialBankDomains();
    const byDomain = new Map(domains.map((d) => [d.domain, d]));
    expect(byDomain.get('vietcombank.com.vn')).toEqual({
      domain: 'vietcombank.com.vn',
      bankName: 'Vietcombank',
      bin: '970436',
      status: 'current',
    });
    expect(byDomain.get('lienvietpostbank.com.vn')).toMatchObject({ bin: '970449', status: 'former' });
    expect(byDomain.get('vbsp.org.vn')).toMatchObject({ bin: null, status: 'current' });
    expect(byDomain.has('worldbank.org')).toBe(false);
    for (const { domain } of domains) {
      expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(domain.startsWith('www.')).toBe(false);
    }
    expect(new Set(domains.map((d) => d.domain)).size).toBe(domains.length);
  });
});
