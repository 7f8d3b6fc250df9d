/**
 * Crypto-currency receiving addresses (`crypto:`) of the suspicious-indicator registry: where "investment"
 * and "task" scams ask victims to send USDT or bitcoin.
 *
 * Recognised, each with its own checksum verified so that a mistyped address is refused, not registered:
 * - Bitcoin mainnet: base58check P2PKH (version byte 0x00, `1…`) and P2SH (0x05, `3…`); native segwit per
 *   BIP-173/BIP-350: version 0 with bech32 (`bc1q…`, 20- or 32-byte program), versions 1–16 with bech32m
 *   (`bc1p…` taproot; later versions are valid recipients per BIP-350 and reported as `witness_unknown`).
 * - EVM chains (Ethereum, BNB Smart Chain, Polygon… share one address space): `0x` + 40 hex digits; a
 *   mixed-case address must satisfy its EIP-55 checksum, all-lower or all-upper has none to check.
 * - TRON (USDT-TRC20, the most common in Vietnamese scam reports): base58check with version byte 0x41 (`T…`).
 *
 * Keys: `crypto:btc:<address>` (bech32 lower-cased since its case carries nothing; base58 as written, since
 * its case is the value), `crypto:evm:0x<lower-case hex>` (display keeps the EIP-55 form),
 * `crypto:tron:<address>`. Also accepted: `bitcoin:`/`ethereum:`/`tron:` payment URIs (BIP-21, EIP-681),
 * whose query and chain parts are dropped, and spaces or line breaks inside an address (copied from a PDF
 * or a chat bubble).
 *
 * Codes: `crypto.invalid_checksum` (right shape, wrong checksum: a typo), `crypto.unknown_format`,
 * `crypto.unsupported_network` (Bitcoin testnet/regtest: worthless coins, never a scam destination).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58, bech32, bech32m } from '@scure/base';
import { fail, ok, type IdentifierBase, type ParseResult } from './types.js';

export type CryptoChain = 'btc' | 'evm' | 'tron';
export type CryptoFormat =
  'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness_unknown' | 'hex' | 'base58check';

export interface CryptoDetails {
  chain: CryptoChain;
  format: CryptoFormat;
  /** The address as in the key. */
  address: string;
}
export type CryptoIdentifier = IdentifierBase<'crypto', CryptoDetails>;

const BASE58_ALPHABET = /^[1-9A-HJ-NP-Za-km-z]+$/;
const BECH32_CHARSET = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/;
const EVM_ADDRESS = /^0[xX]([0-9a-fA-F]{40})$/;

/** Base58check version bytes (first payload byte) we know. */
const BASE58_VERSIONS: Readonly<Record<number, { chain: CryptoChain; format: CryptoFormat } | 'testnet'>> = {
  0x00: { chain: 'btc', format: 'p2pkh' },
  0x05: { chain: 'btc', format: 'p2sh' },
  0x41: { chain: 'tron', format: 'base58check' },
  0x6f: 'testnet', // Bitcoin testnet P2PKH (m…/n…)
  0xc4: 'testnet', // Bitcoin testnet P2SH (2…)
};

function identifier(
  chain: CryptoChain,
  format: CryptoFormat,
  address: string,
  display = address,
): ParseResult<CryptoIdentifier> {
  return ok({
    kind: 'crypto',
    key: `crypto:${chain}:${address}`,
    display,
    details: { chain, format, address },
  });
}

/** Strips payment-URI wrapping and whitespace: `ethereum:pay-0xAbc…@56/transfer?…` → `0xAbc…`. */
function unwrap(input: string): string {
  let text = input.replace(/\s+/g, '');
  const uri = /^(bitcoin|ethereum|tron):(.*)$/i.exec(text);
  if (uri) {
    text = uri[2]!.replace(/[?#].*$/, '');
    if (uri[1]!.toLowerCase() === 'ethereum') text = text.replace(/^pay-/i, '').replace(/[@/].*$/, '');
  }
  return text.replace(/^\/\//, '');
}

/** EIP-55: a hex letter is upper-case when the matching nibble of keccak256(lower-case hex) is ≥ 8. */
export function toEip55(hex40: string): string {
  const lower = hex40.toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = '0x';
  for (let index = 0; index < lower.length; index++) {
    const byte = hash[index >> 1]!;
    const nibble = index % 2 === 0 ? byte >> 4 : byte & 0x0f;
    out += nibble >= 8 ? lower[index]!.toUpperCase() : lower[index]!;
  }
  return out;
}

function parseEvm(hex: string): ParseResult<CryptoIdentifier> {
  const checksummed = toEip55(hex);
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (mixedCase && checksummed.slice(2) !== hex) {
    return fail(
      'crypto.invalid_checksum',
      'The upper/lower-case pattern of this address does not match its EIP-55 checksum: a character is wrong.',
    );
  }
  return identifier('evm', 'hex', `0x${hex.toLowerCase()}`, checksummed);
}

function parseSegwit(text: string): ParseResult<CryptoIdentifier> {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) {
    return fail(
      'crypto.unknown_format',
      'A bech32 address is all lower-case or all upper-case, never mixed.',
    );
  }
  const lower = text.toLowerCase();
  const prefix = /^(bc|tb|bcrt)1/.exec(lower)![1]!;
  if (prefix !== 'bc') {
    return fail(
      'crypto.unsupported_network',
      `"${prefix}1…" is a Bitcoin test network address, not a real one.`,
    );
  }
  if (!BECH32_CHARSET.test(lower.slice(prefix.length + 1))) {
    return fail(
      'crypto.unknown_format',
      'The address has characters bech32 never uses (b, i, o, or 1 after "bc1").',
    );
  }
  const asBech32 = bech32.decodeUnsafe(lower, 90);
  const asBech32m = asBech32 ? undefined : bech32m.decodeUnsafe(lower, 90);
  const decoded = asBech32 ?? asBech32m;
  if (!decoded) {
    return fail('crypto.invalid_checksum', 'The bech32 checksum does not match: a character is wrong.');
  }
  const [version, ...programWords] = decoded.words;
  if (version === undefined || version > 16) {
    return fail('crypto.unknown_format', 'Not a valid segwit version.');
  }
  // BIP-350: version 0 uses bech32, versions 1–16 bech32m; the other one is a wrong checksum.
  if ((version === 0) !== (asBech32 !== undefined)) {
    return fail(
      'crypto.invalid_checksum',
      `A version ${version} segwit address uses ${version === 0 ? 'bech32' : 'bech32m'}, not this checksum.`,
    );
  }
  const program = bech32.fromWordsUnsafe(programWords);
  if (!program || program.length < 2 || program.length > 40) {
    return fail('crypto.unknown_format', 'The segwit program has an impossible length.');
  }
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return fail('crypto.unknown_format', 'A version 0 segwit program is 20 or 32 bytes.');
  }
  return identifier('btc', segwitFormat(version, program.length), lower);
}

/** BIP-141 and BIP-341 outputs; other versions and lengths are valid but not yet defined. */
function segwitFormat(version: number, programLength: number): CryptoFormat {
  if (version === 0) return programLength === 20 ? 'p2wpkh' : 'p2wsh';
  return version === 1 && programLength === 32 ? 'p2tr' : 'witness_unknown';
}

function parseBase58check(text: string): ParseResult<CryptoIdentifier> {
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(text);
  } catch {
    return fail('crypto.unknown_format', 'Not a base58 address.');
  }
  const kind = BASE58_VERSIONS[bytes[0] ?? -1];
  // Bitcoin and TRON payloads are a version byte and a 20-byte hash, then 4 checksum bytes.
  if (bytes.length !== 25 || kind === undefined) {
    return fail('crypto.unknown_format', 'Not a Bitcoin or TRON address.');
  }
  const payload = bytes.subarray(0, 21);
  const checksum = sha256(sha256(payload)).subarray(0, 4);
  if (!checksum.every((byte, index) => byte === bytes[21 + index])) {
    return fail('crypto.invalid_checksum', 'The base58check checksum does not match: a character is wrong.');
  }
  if (kind === 'testnet') {
    return fail('crypto.unsupported_network', 'This is a Bitcoin test network address, not a real one.');
  }
  return identifier(kind.chain, kind.format, text);
}

/** Parses a Bitcoin, EVM or TRON receiving address (see the module comment for the rules). */
export function parseCryptoAddress(input: string): ParseResult<CryptoIdentifier> {
  if (typeof input !== 'string') return fail('crypto.unknown_format', 'The input is not text.');
  const text = unwrap(input);
  if (text === '') return fail('crypto.unknown_format', 'The address is empty.');
  const evm = EVM_ADDRESS.exec(text);
  if (evm) return parseEvm(evm[1]!);
  if (/^(?:bc|tb|bcrt)1/i.test(text)) return parseSegwit(text);
  if (text.length >= 25 && text.length <= 35 && BASE58_ALPHABET.test(text)) return parseBase58check(text);
  return fail('crypto.unknown_format', 'Not a Bitcoin, EVM (Ethereum, BNB Chain…) or TRON address.');
}
