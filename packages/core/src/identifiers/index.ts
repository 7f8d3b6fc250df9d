export * from './types.js';
export { parsePhone, looksLikePhone, type PhoneIdentifier } from './phone.js';
export {
  findBank,
  bankLookupKey,
  bankByBin,
  allBanks,
  findWallet,
  allWallets,
  officialBankDomains,
  type Bank,
  type Wallet,
} from './banks.js';
export {
  parseBankAccount,
  parseCard,
  parseWallet,
  parseAccountText,
  setCardKeyHasher,
  type CardKeyHasher,
  type BankAccountIdentifier,
  type CardIdentifier,
  type WalletIdentifier,
} from './account.js';
export { parseVietQr, buildVietQr, type VietQr } from './vietqr.js';
export { decodeQrImage } from './qr-image.js';
export { parseUrl, parseDomain, type UrlIdentifier, type DomainIdentifier } from './url.js';
export { parseSocial, type SocialIdentifier } from './social.js';
export { parseEmail, type EmailIdentifier } from './email.js';
export { parseCryptoAddress, type CryptoIdentifier } from './crypto-address.js';
export {
  identify,
  extractIdentifiers,
  type AnyIdentifier,
  type Extraction,
  type ExtractionProblem,
} from './extract.js';
