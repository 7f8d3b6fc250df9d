import { ScreeningTransfer, type ScreeningChannel } from '@khien/contracts';
import { allBanks } from '@khien/core';

/**
 * ISO 20022 credit transfers in their JSON form, mapped to the transfer the screening engine reads:
 * pacs.008 (FIToFICstmrCdtTrf, bank to bank) and pain.001 (CstmrCdtTrfInitn, customer to bank). The JSON
 * form keeps the XML element names; converters differ in how they write attributes and text
 * (`{"Ccy": "VND", "value": "1000"}`, `{"@Ccy": "VND", "#text": "1000"}`, xml2js's
 * `{"$": {"Ccy": "VND"}, "_": "1000"}`) and in whether every element is an array: all are read.
 *
 * Malformed input gives a typed result listing every problem with its path in the message; never a throw.
 */

export type IsoMessageKind = 'pacs.008' | 'pain.001';

export interface IsoProblem {
  /** Where in the message, e.g. `FIToFICstmrCdtTrf.CdtTrfTxInf[0].CdtrAcct.Id`. */
  path: string;
  code:
    | 'iso20022.not_an_object'
    | 'iso20022.unknown_message'
    | 'iso20022.missing'
    | 'iso20022.invalid_type'
    | 'iso20022.currency_unsupported'
    | 'iso20022.amount_invalid'
    | 'iso20022.date_invalid'
    | 'iso20022.too_many'
    | 'iso20022.invalid';
  message: string;
}

export type IsoMappingResult =
  | { ok: true; kind: IsoMessageKind; transfers: ScreeningTransfer[] }
  | { ok: false; kind: IsoMessageKind | null; problems: IsoProblem[] };

export interface IsoMappingOptions {
  /** The channel to record (ISO messages do not carry it); default `interbank` for pacs.008, `api` for pain.001. */
  channel?: ScreeningChannel;
  /** What the bank knows beside the message (IP, device), applied to every transfer of it. */
  extras?: Partial<
    Pick<
      ScreeningTransfer,
      | 'clientIp'
      | 'deviceId'
      | 'deviceChangedAt'
      | 'otpPhoneChangedAt'
      | 'deviceChangedRecently'
      | 'otpPhoneChangedRecently'
      | 'biometricVerified'
    >
  >;
  /** At most this many transfers in one message (default 1,000, as the batch API). */
  maxTransfers?: number;
  /** The offset given to date-times written without one (ISO 20022 allows local time); default +07:00. */
  defaultOffset?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Converters that make every element an array write single elements as one-element arrays. */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const TEXT_KEYS = ['#text', '_', '$text', 'value', 'Value', '#'];
const ATTRIBUTE_PREFIXES = ['', '@', '@_', '_', '$'];

/** The text of an element: a string or number, or the text member of an element with attributes. */
function textOf(value: unknown): string | undefined {
  const node = single(value);
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' && Number.isFinite(node)) return String(node);
  if (isObject(node)) {
    for (const key of TEXT_KEYS) {
      const inner = single(node[key]);
      if (typeof inner === 'string') return inner.trim();
      if (typeof inner === 'number' && Number.isFinite(inner)) return String(inner);
    }
  }
  return undefined;
}

function attributeOf(value: unknown, name: string): string | undefined {
  const node = single(value);
  if (!isObject(node)) return undefined;
  for (const prefix of ATTRIBUTE_PREFIXES) {
    const direct = textOf(node[`${prefix}${name}`]);
    if (direct !== undefined) return direct;
  }
  for (const holder of ['$', '_attributes', '@attributes', 'attributes']) {
    const attributes = single(node[holder]);
    if (isObject(attributes)) {
      const found = textOf(attributes[name]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Follows element names from a node; undefined as soon as one is missing. */
function dig(node: unknown, ...names: string[]): unknown {
  let current = single(node);
  for (const name of names) {
    if (!isObject(current)) return undefined;
    current = single(current[name]);
  }
  return current;
}

const swiftToBin = new Map<string, string>();
for (const bank of allBanks()) {
  if (bank.swiftCode) swiftToBin.set(bank.swiftCode.slice(0, 8).toUpperCase(), bank.bin);
}

/** A bank from its agent: the NAPAS member id (the BIN), else the BIC (mapped to the BIN when known). */
function bankOf(agent: unknown): string | undefined {
  const memberId = textOf(dig(agent, 'FinInstnId', 'ClrSysMmbId', 'MmbId'));
  if (memberId) return memberId;
  const bic = textOf(dig(agent, 'FinInstnId', 'BICFI')) ?? textOf(dig(agent, 'FinInstnId', 'BIC'));
  if (bic) return swiftToBin.get(bic.slice(0, 8).toUpperCase()) ?? bic;
  return textOf(dig(agent, 'FinInstnId', 'Othr', 'Id')) ?? textOf(dig(agent, 'FinInstnId', 'Nm'));
}

interface AccountRef {
  account?: string;
  wallet?: string;
}

/** An account: the IBAN or other id; an e-wallet when its scheme says so, or a proxy (phone, alias). */
function accountOf(account: unknown): AccountRef {
  const iban = textOf(dig(account, 'Id', 'IBAN'));
  if (iban) return { account: iban };
  const other = textOf(dig(account, 'Id', 'Othr', 'Id'));
  const scheme =
    textOf(dig(account, 'Id', 'Othr', 'SchmeNm', 'Prtry')) ??
    textOf(dig(account, 'Id', 'Othr', 'SchmeNm', 'Cd'));
  if (other) return scheme && /wallet|ewlt|wlt/i.test(scheme) ? { wallet: other } : { account: other };
  const proxy = textOf(dig(account, 'Prxy', 'Id'));
  if (proxy) return { wallet: proxy };
  return {};
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function dateTimeOf(text: string, defaultOffset: string): string | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  let value = text;
  if (!match[1]) value = value.replace(/(T\d{2}:\d{2})/, '$1:00');
  if (!match[3]) value += defaultOffset;
  return Number.isFinite(Date.parse(value)) ? value : null;
}

class Problems {
  readonly items: IsoProblem[] = [];
  add(path: string, code: IsoProblem['code'], message: string) {
    // A problem of a payment block is met once per transaction in it: say it once.
    if (this.items.some((item) => item.path === path && item.code === code && item.message === message))
      return;
    this.items.push({ path, code, message });
  }
}

interface Party {
  bank?: string;
  account: AccountRef;
  name?: string;
}

function partyOf(node: Json, role: 'Dbtr' | 'Cdtr'): Party {
  return {
    bank: bankOf(node[`${role}Agt`]),
    account: accountOf(node[`${role}Acct`]),
    name: textOf(dig(node, role, 'Nm')),
  };
}

function amountOf(value: unknown, path: string, problems: Problems): number | undefined {
  if (value === undefined) {
    problems.add(path, 'iso20022.missing', 'The amount is missing');
    return undefined;
  }
  const currency = attributeOf(value, 'Ccy');
  if (currency === undefined)
    problems.add(`${path}.Ccy`, 'iso20022.missing', 'The currency (Ccy) is missing');
  else if (currency.toUpperCase() !== 'VND') {
    problems.add(`${path}.Ccy`, 'iso20022.currency_unsupported', `Only VND is screened, not ${currency}`);
  }
  const text = textOf(value);
  if (text === undefined) {
    problems.add(path, 'iso20022.invalid_type', 'The amount has no value');
    return undefined;
  }
  // VND has no minor unit: "1500000" or "1500000.00", never "1500000.5".
  const match = /^(\d{1,15})(?:\.(\d{1,5}))?$/.exec(text);
  if (!match || (match[2] !== undefined && /[1-9]/.test(match[2]))) {
    problems.add(path, 'iso20022.amount_invalid', `"${text}" is not a whole amount of VND`);
    return undefined;
  }
  const amount = Number(match[1]);
  if (amount <= 0) {
    problems.add(path, 'iso20022.amount_invalid', 'The amount must be above zero');
    return undefined;
  }
  return amount;
}

/** Which of the two messages this is, and its body. */
export function detectIsoMessage(
  message: unknown,
): { kind: IsoMessageKind; root: string; body: Json } | null {
  const outer = single(message);
  if (!isObject(outer)) return null;
  const document = isObject(single(outer['Document'])) ? (single(outer['Document']) as Json) : outer;
  const pacs = single(document['FIToFICstmrCdtTrf']);
  if (isObject(pacs)) return { kind: 'pacs.008', root: 'FIToFICstmrCdtTrf', body: pacs };
  const pain = single(document['CstmrCdtTrfInitn']);
  if (isObject(pain)) return { kind: 'pain.001', root: 'CstmrCdtTrfInitn', body: pain };
  return null;
}

interface Draft {
  path: string;
  fields: Record<string, string>;
  transfer: Record<string, unknown>;
}

/** Maps a pacs.008 or pain.001 message (JSON form) into the transfers it orders. Never throws. */
export function fromIso20022(message: unknown, options: IsoMappingOptions = {}): IsoMappingResult {
  try {
    return mapMessage(message, options);
  } catch (error) {
    // The mapping reads untrusted JSON; anything unforeseen is a problem of the input, not a crash.
    return {
      ok: false,
      kind: null,
      problems: [
        {
          path: '',
          code: 'iso20022.invalid',
          message: error instanceof Error ? error.message : 'unreadable',
        },
      ],
    };
  }
}

function mapMessage(message: unknown, options: IsoMappingOptions): IsoMappingResult {
  if (!isObject(single(message))) {
    return {
      ok: false,
      kind: null,
      problems: [{ path: '', code: 'iso20022.not_an_object', message: 'The message must be a JSON object' }],
    };
  }
  const detected = detectIsoMessage(message);
  if (!detected) {
    return {
      ok: false,
      kind: null,
      problems: [
        {
          path: '',
          code: 'iso20022.unknown_message',
          message: 'Neither FIToFICstmrCdtTrf (pacs.008) nor CstmrCdtTrfInitn (pain.001) was found',
        },
      ],
    };
  }
  const { kind, root, body } = detected;
  const problems = new Problems();
  const defaultOffset = options.defaultOffset ?? '+07:00';
  const channel = options.channel ?? (kind === 'pacs.008' ? 'interbank' : 'api');
  const createdText = textOf(dig(body, 'GrpHdr', 'CreDtTm'));
  const drafts: Draft[] = [];

  const readTime = (text: string | undefined, path: string): string | undefined => {
    if (text === undefined) {
      problems.add(path, 'iso20022.missing', 'No date-time for the transfer (CreDtTm)');
      return undefined;
    }
    const value = dateTimeOf(text, defaultOffset);
    if (value === null) problems.add(path, 'iso20022.date_invalid', `"${text}" is not an ISO date-time`);
    return value ?? undefined;
  };

  const buildDraft = (
    tx: Json,
    path: string,
    debtor: Party,
    debtorPath: string,
    amount: unknown,
    amountPath: string,
    time: string | undefined,
  ) => {
    const creditor = partyOf(tx, 'Cdtr');
    const ids = ['TxId', 'UETR', 'EndToEndId', 'InstrId'].map((key) => textOf(dig(tx, 'PmtId', key)));
    const transferId = ids.find((id) => id && id !== 'NOTPROVIDED');
    if (!transferId)
      problems.add(`${path}.PmtId`, 'iso20022.missing', 'No transfer id (TxId, UETR, EndToEndId or InstrId)');
    if (!debtor.bank)
      problems.add(`${debtorPath}DbtrAgt`, 'iso20022.missing', "The payer's bank (DbtrAgt) is missing");
    if (!debtor.account.account && !debtor.account.wallet) {
      problems.add(
        `${debtorPath}DbtrAcct`,
        'iso20022.missing',
        "The payer's account (DbtrAcct.Id) is missing",
      );
    }
    if (!creditor.bank)
      problems.add(`${path}.CdtrAgt`, 'iso20022.missing', "The payee's bank (CdtrAgt) is missing");
    if (!creditor.account.account && !creditor.account.wallet) {
      problems.add(
        `${path}.CdtrAcct`,
        'iso20022.missing',
        "The payee's account (CdtrAcct.Id or Prxy) is missing",
      );
    }
    if (!creditor.name)
      problems.add(`${path}.Cdtr.Nm`, 'iso20022.missing', "The payee's name (Cdtr.Nm) is missing");
    const amountVnd = amountOf(amount, amountPath, problems);
    drafts.push({
      path,
      fields: {
        transferId: `${path}.PmtId`,
        'payer.bank': `${debtorPath}DbtrAgt`,
        'payer.account': `${debtorPath}DbtrAcct.Id`,
        'payer.name': `${debtorPath}Dbtr.Nm`,
        'payee.bank': `${path}.CdtrAgt`,
        'payee.account': `${path}.CdtrAcct.Id`,
        'payee.wallet': `${path}.CdtrAcct.Id`,
        'payee.nameShown': `${path}.Cdtr.Nm`,
        amountVnd: amountPath,
        at: `${root}.GrpHdr.CreDtTm`,
      },
      transfer: {
        transferId,
        payer: {
          bank: debtor.bank,
          account: debtor.account.account ?? debtor.account.wallet,
          ...(debtor.name ? { name: debtor.name } : {}),
        },
        payee: {
          bank: creditor.bank,
          ...creditor.account,
          nameShown: creditor.name,
        },
        amountVnd,
        channel,
        at: time,
        ...options.extras,
      },
    });
  };

  const maxTransfers = options.maxTransfers ?? 1000;
  if (kind === 'pacs.008') {
    const transactions = list(body['CdtTrfTxInf']);
    if (transactions.length === 0)
      problems.add(`${root}.CdtTrfTxInf`, 'iso20022.missing', 'No transaction (CdtTrfTxInf)');
    transactions.forEach((raw, i) => {
      const path = `${root}.CdtTrfTxInf[${i}]`;
      const tx = single(raw);
      if (!isObject(tx)) {
        problems.add(path, 'iso20022.invalid_type', 'A transaction must be an object');
        return;
      }
      const acceptance = textOf(tx['AccptncDtTm']);
      const time = readTime(
        acceptance ?? createdText,
        acceptance ? `${path}.AccptncDtTm` : `${root}.GrpHdr.CreDtTm`,
      );
      const amountKey = tx['IntrBkSttlmAmt'] !== undefined ? 'IntrBkSttlmAmt' : 'InstdAmt';
      buildDraft(tx, path, partyOf(tx, 'Dbtr'), `${path}.`, tx[amountKey], `${path}.${amountKey}`, time);
    });
  } else {
    const time = readTime(createdText, `${root}.GrpHdr.CreDtTm`);
    const batches = list(body['PmtInf']);
    if (batches.length === 0)
      problems.add(`${root}.PmtInf`, 'iso20022.missing', 'No payment information (PmtInf)');
    batches.forEach((rawBatch, b) => {
      const batchPath = `${root}.PmtInf[${b}]`;
      const batch = single(rawBatch);
      if (!isObject(batch)) {
        problems.add(batchPath, 'iso20022.invalid_type', 'A payment information block must be an object');
        return;
      }
      const debtor = partyOf(batch, 'Dbtr');
      const transactions = list(batch['CdtTrfTxInf']);
      if (transactions.length === 0) {
        problems.add(`${batchPath}.CdtTrfTxInf`, 'iso20022.missing', 'No transaction (CdtTrfTxInf)');
      }
      transactions.forEach((raw, i) => {
        const path = `${batchPath}.CdtTrfTxInf[${i}]`;
        const tx = single(raw);
        if (!isObject(tx)) {
          problems.add(path, 'iso20022.invalid_type', 'A transaction must be an object');
          return;
        }
        buildDraft(
          tx,
          path,
          debtor,
          `${batchPath}.`,
          dig(tx, 'Amt', 'InstdAmt'),
          `${path}.Amt.InstdAmt`,
          time,
        );
      });
    });
  }
  if (drafts.length > maxTransfers) {
    problems.add(
      root,
      'iso20022.too_many',
      `At most ${maxTransfers} transfers in one message, not ${drafts.length}`,
    );
  }
  if (problems.items.length > 0) return { ok: false, kind, problems: problems.items };

  // What the message has is now in our shape; the contract checks the rest (formats, lengths).
  const transfers: ScreeningTransfer[] = [];
  for (const draft of drafts) {
    const parsed = ScreeningTransfer.safeParse(draft.transfer);
    if (parsed.success) transfers.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.');
        const where = draft.fields[field] ?? draft.fields[String(issue.path[0])] ?? draft.path;
        problems.add(where, 'iso20022.invalid', `${field}: ${issue.message}`);
      }
    }
  }
  if (problems.items.length > 0) return { ok: false, kind, problems: problems.items };
  return { ok: true, kind, transfers };
}
