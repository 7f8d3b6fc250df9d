import type { RequestType } from '@khien/contracts';
import { optionalText } from '../../ui/messages';
import { parseAmount } from '../report-form/amount';
import { localDateTimeToIso } from '../report-form/requests';
import { lines } from './create';

/** An onward transfer the bank found, as typed (amount in digits, time as datetime-local). */
export interface OnwardRow {
  key: string;
  bank: string;
  account: string;
  amount: string;
  at: string;
  reference: string;
}

/** A subscriber row of a telco's answer, one per number asked. */
export interface SubscriberRow {
  phone: string;
  holderName: string;
  idNumber: string;
  registeredAt: string;
  address: string;
  status: 'active' | 'suspended' | 'not_found';
}

export interface AnswerValues {
  note: string;
  // hold
  held: string;
  balance: string;
  confirmation: string;
  onward: OnwardRow[];
  // release
  released: string;
  // hold_review
  decision: 'keep' | 'release' | '';
  // subscriber_info
  subscribers: SubscriberRow[];
  // domain_owner_info
  registrant: string;
  registrar: string;
  hostingProvider: string;
  ipAddresses: string;
  domainRegisteredAt: string;
  // takedown
  doneAt: string;
  // sim_action
  simOutcome: 'done' | 'partial';
  affectedPhones: string;
  // suspicious_account_notice
  noticeOutcome: 'received' | 'report_opened';
  reportId: string;
}

let rowCounter = 0;

export function onwardRow(): OnwardRow {
  rowCounter += 1;
  return { key: `onward-${rowCounter}`, bank: '', account: '', amount: '', at: '', reference: '' };
}

/** The answer form as opened, from what was asked (the numbers of a subscriber request, for one). */
export function initialAnswerValues(details: Record<string, unknown>, now: string): AnswerValues {
  const phones = Array.isArray(details.phones)
    ? details.phones.filter((phone): phone is string => typeof phone === 'string')
    : [];
  return {
    note: '',
    held: '',
    balance: '',
    confirmation: '',
    onward: [],
    released: typeof details.amountVnd === 'number' ? String(details.amountVnd) : '',
    decision: '',
    subscribers: phones.map((phone) => ({
      phone,
      holderName: '',
      idNumber: '',
      registeredAt: '',
      address: '',
      status: 'active',
    })),
    registrant: '',
    registrar: '',
    hostingProvider: '',
    ipAddresses: '',
    domainRegisteredAt: '',
    doneAt: now,
    simOutcome: 'done',
    affectedPhones: phones.join('\n'),
    noticeOutcome: 'received',
    reportId: '',
  };
}

function isBlankOnward(row: OnwardRow): boolean {
  return [row.bank, row.account, row.amount, row.at, row.reference].every((value) => value.trim() === '');
}

/**
 * `POST /api/requests/:id/answer`'s body for a request of this type (unchecked: the form checks it with
 * `AnswerRequestBody`). Blank onward-transfer rows are left out.
 */
export function toAnswerBody(type: RequestType, values: AnswerValues): Record<string, unknown> {
  const note = optionalText(values.note);
  switch (type) {
    case 'hold':
      return {
        type,
        heldVnd: parseAmount(values.held),
        balanceVnd: parseAmount(values.balance),
        confirmation: values.confirmation.trim(),
        onwardTransfers: values.onward
          .filter((row) => !isBlankOnward(row))
          .map((row) => ({
            bank: row.bank.trim(),
            account: row.account.trim(),
            amountVnd: parseAmount(row.amount),
            at: localDateTimeToIso(row.at),
            reference: optionalText(row.reference),
          })),
        note,
      };
    case 'release':
      return {
        type,
        releasedVnd: parseAmount(values.released),
        confirmation: values.confirmation.trim(),
        note,
      };
    case 'hold_review':
      return { type, decision: values.decision || undefined, note: values.note.trim() };
    case 'subscriber_info':
      return {
        type,
        subscribers: values.subscribers.map((row) => ({
          phone: row.phone.trim(),
          holderName: optionalText(row.holderName),
          idNumber: optionalText(row.idNumber),
          registeredAt: localDateTimeToIso(row.registeredAt),
          address: optionalText(row.address),
          status: row.status,
        })),
        note,
      };
    case 'domain_owner_info':
      return {
        type,
        registrant: optionalText(values.registrant),
        registrar: optionalText(values.registrar),
        hostingProvider: optionalText(values.hostingProvider),
        ipAddresses: lines(values.ipAddresses),
        registeredAt: localDateTimeToIso(values.domainRegisteredAt),
        note,
      };
    case 'takedown':
      return { type, outcome: 'done', doneAt: localDateTimeToIso(values.doneAt), note };
    case 'sim_action':
      return { type, outcome: values.simOutcome, affectedPhones: lines(values.affectedPhones), note };
    case 'suspicious_account_notice':
      return {
        type,
        outcome: values.noticeOutcome,
        reportId: values.noticeOutcome === 'report_opened' ? optionalText(values.reportId) : undefined,
        note,
      };
  }
}

/**
 * The form field a problem's path belongs to: `onwardTransfers.1.amountVnd` → `onward.1.amount`,
 * `heldVnd` → `held`.
 */
export function answerFieldOf(path: string): string {
  const parts = path.split('.');
  const [head, index, field] = parts;
  if (head === 'onwardTransfers' && index !== undefined) {
    const map: Record<string, string> = { amountVnd: 'amount' };
    return field ? `onward.${index}.${map[field] ?? field}` : 'onward';
  }
  if (head === 'subscribers' && index !== undefined)
    return field ? `subscribers.${index}.${field}` : 'subscribers';
  const map: Record<string, string> = {
    heldVnd: 'held',
    balanceVnd: 'balance',
    releasedVnd: 'released',
    registeredAt: 'domainRegisteredAt',
    outcome: 'simOutcome',
  };
  return map[head ?? ''] ?? head ?? path;
}

/**
 * What a hold's answer says before it is sent: partial when less than asked is held; the money that
 * left, which the onward transfers should account for.
 */
export function holdSummary(askedVnd: number, values: Pick<AnswerValues, 'held' | 'onward'>) {
  const held = parseAmount(values.held) ?? 0;
  const onward = values.onward.reduce((sum, row) => sum + (parseAmount(row.amount) ?? 0), 0);
  return { held, partial: held < askedVnd, missing: Math.max(0, askedVnd - held), onward };
}
