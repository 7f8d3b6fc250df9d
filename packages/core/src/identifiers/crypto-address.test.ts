import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCryptoAddress, toEip55 } from './crypto-address.js';

const parsed = (input: string) => {
  const result = parseCryptoAddress(input);
  return result.ok ? [result.value.key, result.value.details.format] : [result.code];
};

describe('Bitcoin segwit (BIP-173, BIP-350)', () => {
  // BIP-350 "Test vectors for v0-v16 native segregated witness addresses", the mainnet valid ones.
  it.each([
    [
      'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
      'crypto:btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      'p2wpkh',
    ],
    [
      'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
      'crypto:btc:bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
      'witness_unknown', // version 1 with a 40-byte program: valid, but not taproot
    ],
    ['BC1SW50QGDZ25J', 'crypto:btc:bc1sw50qgdz25j', 'witness_unknown'],
    [
      'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
      'crypto:btc:bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
      'witness_unknown',
    ],
    [
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
      'crypto:btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
      'p2tr',
    ],
  ])('accepts %s', (input, key, format) => {
    expect(parsed(input)).toEqual([key, format]);
  });

  it('accepts a version 0 script hash (P2WSH)', () => {
    // BIP-173's P2WSH example, the mainnet form of the testnet vector below.
    expect(parsed('bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3')).toEqual([
      'crypto:btc:bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
      'p2wsh',
    ]);
  });

  // BIP-350 valid testnet vectors: real addresses, but of a network whose coins are worthless.
  it.each([
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
    'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
    'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
  ])('refuses testnet %s', (input) => {
    expect(parsed(input)).toEqual(['crypto.unsupported_network']);
  });

  // BIP-350 "invalid segwit addresses", with the reason the BIP gives.
  it.each([
    ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'crypto.unknown_format'], // invalid HRP
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'crypto.invalid_checksum'], // bech32 for v1
    ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'crypto.invalid_checksum'], // bech32 for v16
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'crypto.invalid_checksum'], // bech32m for v0
    ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', 'crypto.unknown_format'], // 'o' in checksum
    ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'crypto.unknown_format'], // witness version 17
    ['bc1pw5dgrnzv', 'crypto.unknown_format'], // 1-byte program
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', 'crypto.unknown_format'], // 41 bytes
    ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'crypto.unknown_format'], // 16 bytes for v0
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'crypto.unknown_format'], // mixed case
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'crypto.unknown_format'], // > 4 padding bits
    ['bc1gmk9yu', 'crypto.unknown_format'], // empty data
  ])('refuses %s with %s', (input, code) => {
    expect(parsed(input)).toEqual([code]);
  });

  it('refuses a non-zero padding (BIP-350) on testnet before looking further', () => {
    expect(parsed('tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j')).toEqual([
      'crypto.unsupported_network',
    ]);
  });

  it('detects a typo in a real-shaped address', () => {
    // One character of the BIP-350 P2WPKH vector changed (v8f3t4 → v8f3t5).
    expect(parsed('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toEqual(['crypto.invalid_checksum']);
  });
});

describe('Bitcoin and TRON base58check', () => {
  it.each([
    // The address paid by the genesis block's coinbase.
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'crypto:btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'p2pkh'],
    // The P2SH example of the Bitcoin wiki ("Pay to script hash").
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'crypto:btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'p2sh'],
    // Tether's USDT-TRC20 contract address, published by Tether.
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'crypto:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'base58check'],
    // TRON's burn ("black hole") address.
    ['T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', 'crypto:tron:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', 'base58check'],
  ])('accepts %s', (input, key, format) => {
    expect(parsed(input)).toEqual([key, format]);
  });

  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', 'crypto.invalid_checksum'], // last character changed
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T', 'crypto.invalid_checksum'],
    ['tR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'crypto.unknown_format'], // base58 is case-sensitive: another number
    ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', 'crypto.unsupported_network'], // Bitcoin testnet P2PKH
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a', 'crypto.unknown_format'], // 0 is not base58
    ['4Nd1mBQtrMJVYVfKf2PJy9NZUrKx5xPpWF8m9zxQyBqo', 'crypto.unknown_format'], // a Solana-shaped key: not supported
  ])('refuses %s with %s', (input, code) => {
    expect(parsed(input)).toEqual([code]);
  });
});

describe('EVM addresses (EIP-55)', () => {
  // The EIP-55 test cases ("All caps", "All Lower", "Normal"): each is its own checksummed form.
  const EIP55 = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];
  it.each(EIP55)('accepts %s, keys it lower-case and shows its checksum', (address) => {
    const result = parseCryptoAddress(address);
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'crypto',
        key: `crypto:evm:${address.toLowerCase()}`,
        display: address,
        details: { chain: 'evm', format: 'hex', address: address.toLowerCase() },
      },
    });
    expect(toEip55(address.slice(2).toLowerCase())).toBe(address);
  });

  it('refuses a wrong checksum and accepts the case-less forms', () => {
    expect(parsed('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toEqual(['crypto.invalid_checksum']);
    expect(parsed('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')[0]).toBe(
      'crypto:evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    );
    expect(parsed('0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED')[0]).toBe(
      'crypto:evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    );
    expect(parsed('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA')).toEqual(['crypto.unknown_format']);
    expect(parsed('5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toEqual(['crypto.unknown_format']);
  });
});

describe('wrapping and failures', () => {
  it.each([
    [
      'bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.01&label=x',
      'crypto:btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    ],
    [
      'BITCOIN:BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
      'crypto:btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    ],
    [
      'ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@56',
      'crypto:evm:0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359',
    ],
    [
      'ethereum:pay-0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      'crypto:evm:0xdac17f958d2ee523a2206206994597c13d831ec7',
    ],
    ['tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'crypto:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    [' TR7NHqjeKQxGT Ci8q8ZY4pL8\notSzgjLj6t ', 'crypto:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
  ])('%j → %s', (input, key) => {
    expect(parsed(input)[0]).toBe(key);
  });

  it.each(['', '   ', 'hello', '0912345678', 'https://evil.com', '0x'])('%j is not an address', (input) => {
    expect(parsed(input)).toEqual(['crypto.unknown_format']);
  });
});

// ---- properties ----------------------------------------------------------------------------------------

const base58check = createBase58check(sha256);
const bytes20 = fc.uint8Array({ minLength: 20, maxLength: 20 });
const BECH32_CHARS = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

describe('parseCryptoAddress properties', () => {
  it('never throws', () => {
    const nearMisses = fc
      .tuple(
        fc.constantFrom('bc1', 'BC1', 'tb1', '0x', 'T', '1', '3', 'bitcoin:', 'ethereum:pay-'),
        fc.string({ maxLength: 80 }),
      )
      .map(([prefix, rest]) => prefix + rest);
    for (const arbitrary of [fc.string(), fc.string({ unit: 'binary' }), nearMisses]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          parseCryptoAddress(input);
        }),
      );
    }
  });

  it('EVM: every spelling of an address is one key, and the display parses back to it', () => {
    fc.assert(
      fc.property(bytes20, (raw) => {
        const hex = Buffer.from(raw).toString('hex');
        const key = `crypto:evm:0x${hex}`;
        const checksummed = toEip55(hex);
        for (const spelling of [`0x${hex}`, `0x${hex.toUpperCase()}`, checksummed]) {
          const result = parseCryptoAddress(spelling);
          expect(result.ok && [result.value.key, result.value.display]).toEqual([key, checksummed]);
        }
      }),
    );
  });

  it('EVM: swapping the case of one letter of a checksummed address is caught', () => {
    fc.assert(
      fc.property(bytes20, fc.nat(), (raw, pick) => {
        const checksummed = toEip55(Buffer.from(raw).toString('hex'));
        const letters = [...checksummed.slice(2)]
          .map((char, index) => ({ char, index }))
          .filter(({ char }) => /[a-f]/i.test(char));
        fc.pre(
          letters.length > 1 && /[a-f]/.test(checksummed.slice(2)) && /[A-F]/.test(checksummed.slice(2)),
        );
        const { char, index } = letters[pick % letters.length]!;
        const swapped = char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase();
        const typo = `0x${checksummed.slice(2, 2 + index)}${swapped}${checksummed.slice(3 + index)}`;
        const stillMixed =
          typo.slice(2) !== typo.slice(2).toLowerCase() && typo.slice(2) !== typo.slice(2).toUpperCase();
        fc.pre(stillMixed);
        expect(parsed(typo)).toEqual(['crypto.invalid_checksum']);
      }),
    );
  });

  it('segwit: encoded programs parse, in either case, to the lower-case key', () => {
    const program = fc.oneof(
      fc.tuple(fc.constant(0), fc.uint8Array({ minLength: 20, maxLength: 20 })),
      fc.tuple(fc.constant(0), fc.uint8Array({ minLength: 32, maxLength: 32 })),
      fc.tuple(fc.constant(1), fc.uint8Array({ minLength: 32, maxLength: 32 })),
      fc.tuple(fc.integer({ min: 2, max: 16 }), fc.uint8Array({ minLength: 2, maxLength: 40 })),
    );
    fc.assert(
      fc.property(program, ([version, data]) => {
        const words = [version, ...bech32.toWords(data)];
        const address = version === 0 ? bech32.encode('bc', words) : bech32m.encode('bc', words);
        const expected =
          version === 0
            ? data.length === 20
              ? 'p2wpkh'
              : 'p2wsh'
            : version === 1
              ? 'p2tr'
              : 'witness_unknown';
        expect(parsed(address)).toEqual([`crypto:btc:${address}`, expected]);
        expect(parsed(address.toUpperCase())).toEqual([`crypto:btc:${address}`, expected]);
      }),
    );
  });

  it('segwit: one mistyped character after bc1 never yields an address', () => {
    fc.assert(
      fc.property(bytes20, fc.nat(), fc.nat(), (data, at, by) => {
        const address = bech32.encode('bc', [0, ...bech32.toWords(data)]);
        const position = 3 + (at % (address.length - 3));
        const original = address[position]!;
        const replacement = BECH32_CHARS.replace(original, '')[by % 31]!;
        const typo = address.slice(0, position) + replacement + address.slice(position + 1);
        expect(parsed(typo)).toEqual(['crypto.invalid_checksum']);
      }),
    );
  });

  it('base58check: encoded payloads parse to the right chain; a typo never yields an address', () => {
    const VERSIONS: Array<[number, string, string]> = [
      [0x00, 'btc', 'p2pkh'],
      [0x05, 'btc', 'p2sh'],
      [0x41, 'tron', 'base58check'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...VERSIONS),
        bytes20,
        fc.nat(),
        fc.nat(),
        ([version, chain, format], hash, at, by) => {
          const address = base58check.encode(Uint8Array.from([version, ...hash]));
          expect(parsed(address)).toEqual([`crypto:${chain}:${address}`, format]);
          const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
          const position = at % address.length;
          const replacement = alphabet.replace(address[position]!, '')[by % 57]!;
          const typo = address.slice(0, position) + replacement + address.slice(position + 1);
          expect(parseCryptoAddress(typo).ok).toBe(false);
        },
      ),
    );
  });
});

describe('what no address looks like', () => {
  // identify() relies on this to skip this parser for numbers (extract.ts).
  it('is shorter than 25 characters with no letter in it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789 +.-()/:@?#\t\n'), maxLength: 24 }),
        (text) => {
          expect(parseCryptoAddress(text).ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
