import {
  ReportTrackingParams,
  type ContactChannel,
  type CreateReportInput,
  type CreateStaffReportRequest,
  type ScamMethod,
  type StaffReportChannel,
} from '@khien/contracts';
import type { UseFormReturnType } from '@mantine/form';
import { optionalText } from '../../ui/messages';
import { parseAmount } from './amount';
import type { ReportPrefill } from './links';

export type ReportLanguage = 'vi' | 'en';

/** One row of a list in the form; `key` keeps React's rows stable when one is removed. */
export interface IdentifierRow {
  key: string;
  value: string;
}

export interface TransferRow {
  key: string;
  fromBank: string;
  fromAccount: string;
  toBank: string;
  toAccount: string;
  /** Digits only; the box shows them grouped (amount.ts). */
  amount: string;
  /** `YYYY-MM-DDTHH:mm` from a datetime-local input, in the device's time zone, or ''. */
  at: string;
  reference: string;
}

/** What the public report form holds, and the staff intake that reuses it. Files are kept beside it, not in it. */
export interface ReportValues {
  /** How the report reached the police: staff intake only (the public form is `online`). */
  channel: StaffReportChannel | '';
  scamMethod: ScamMethod | '';
  /** `YYYY-MM-DD` from a date input, `YYYY-MM-DDTHH:mm` from the staff's datetime-local one, or ''. */
  occurredAt: string;
  channels: ContactChannel[];
  identifiers: IdentifierRow[];
  transfers: TransferRow[];
  /** Digits; used only once the person changed the total (otherwise the server adds up the transfers). */
  totalLoss: string;
  totalLossEdited: boolean;
  story: string;
  provinceCode: string | null;
  communeCode: string | null;
  anonymous: boolean;
  fullName: string;
  phone: string;
  email: string;
  address: string;
  language: ReportLanguage;
}

export type ReportFormApi = UseFormReturnType<ReportValues>;

let nextKey = 0;
const rowKey = () => `row-${++nextKey}`;

export function identifierRow(value = ''): IdentifierRow {
  return { key: rowKey(), value };
}

export function transferRow(): TransferRow {
  return {
    key: rowKey(),
    fromBank: '',
    fromAccount: '',
    toBank: '',
    toAccount: '',
    amount: '',
    at: '',
    reference: '',
  };
}

export function emptyReport(prefill: ReportPrefill, language: ReportLanguage): ReportValues {
  const identifiers = prefill.identifiers.length > 0 ? prefill.identifiers : [''];
  return {
    channel: '',
    scamMethod: prefill.scamMethod ?? '',
    occurredAt: '',
    channels: [],
    identifiers: identifiers.map(identifierRow),
    transfers: [],
    totalLoss: '',
    totalLossEdited: false,
    story: '',
    provinceCode: null,
    communeCode: null,
    anonymous: false,
    fullName: '',
    phone: '',
    email: '',
    address: '',
    language,
  };
}

/** A `datetime-local` value (the device's time) as an ISO instant, or undefined when empty or invalid. */
export function localDateTimeToIso(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Today in the device's time zone as `YYYY-MM-DD` (the latest day a date input allows). */
export function localDay(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isBlankTransfer(row: TransferRow): boolean {
  return [row.fromBank, row.fromAccount, row.toBank, row.toAccount, row.amount, row.at, row.reference].every(
    (value) => value.trim() === '',
  );
}

/** The request built from the form, and which form row each list item came from (blank rows are left out). */
export interface BuiltReport {
  request: Record<keyof CreateReportInput, unknown>;
  rows: { identifiers: number[]; transfers: number[] };
}

/**
 * The request for the form's values: blank rows, an identifier given twice and empty optional fields are
 * left out; anonymous leaves out the contact even when something was typed in it before the choice changed.
 */
export function toReportRequest(values: ReportValues): BuiltReport {
  const identifierRows = values.identifiers
    .map((row, index) => ({ index, value: row.value.trim() }))
    .filter((row, at, all) => row.value !== '' && all.findIndex((other) => other.value === row.value) === at);
  const transferRows = values.transfers
    .map((row, index) => ({ index, row }))
    .filter(({ row }) => !isBlankTransfer(row));
  return {
    request: {
      scamMethod: values.scamMethod || undefined,
      // A day is sent as it is; a day and time, as the instant it was on this device.
      occurredAt: values.occurredAt.includes('T')
        ? localDateTimeToIso(values.occurredAt)
        : optionalText(values.occurredAt),
      channels: values.channels,
      identifiers: identifierRows.map((row) => row.value),
      transfers: transferRows.map(({ row }) => ({
        fromBank: optionalText(row.fromBank),
        fromAccount: optionalText(row.fromAccount),
        toBank: optionalText(row.toBank),
        toAccount: row.toAccount.trim(),
        amountVnd: parseAmount(row.amount),
        at: localDateTimeToIso(row.at),
        reference: optionalText(row.reference),
      })),
      totalLossVnd: values.totalLossEdited ? parseAmount(values.totalLoss) : undefined,
      story: values.story.trim(),
      provinceCode: values.provinceCode ?? undefined,
      communeCode: values.communeCode ?? undefined,
      contact: values.anonymous
        ? undefined
        : {
            fullName: values.fullName.trim(),
            phone: optionalText(values.phone),
            email: optionalText(values.email),
            address: optionalText(values.address),
          },
      language: values.language,
    },
    rows: {
      identifiers: identifierRows.map((row) => row.index),
      transfers: transferRows.map(({ index }) => index),
    },
  };
}

/** The staff intake's request (CreateStaffReportRequest): the citizen's, with how the report came in. */
export function toStaffReportRequest(values: ReportValues): {
  request: Record<keyof CreateStaffReportRequest, unknown>;
  rows: BuiltReport['rows'];
} {
  const { request, rows } = toReportRequest(values);
  return { request: { ...request, channel: values.channel || undefined }, rows };
}

/**
 * The form field of a request path, from the schema or the server (`transfers.0.amountVnd`,
 * `contact.phone`, `identifiers.2`): list indexes are turned back into form rows.
 */
export function formFieldOf(path: string, rows: BuiltReport['rows']): string {
  const [head = '', index, leaf] = path.split('.');
  if (head === 'contact') return index ?? 'fullName';
  if (head === 'totalLossVnd') return 'totalLoss';
  if (head === 'identifiers') {
    const row = index === undefined ? undefined : rows.identifiers[Number(index)];
    return row === undefined ? 'identifiers' : `identifiers.${row}.value`;
  }
  if (head === 'transfers') {
    const row = index === undefined ? undefined : rows.transfers[Number(index)];
    if (row === undefined || leaf === undefined) return 'transfers';
    return `transfers.${row}.${leaf === 'amountVnd' ? 'amount' : leaf}`;
  }
  return head;
}

/** The id of a field's input, for the error summary's links: `transfers.1.amount` → `report-transfers-1-amount`. */
export function fieldId(path: string): string {
  return `report-${path.replace(/\./g, '-')}`;
}

/** The multipart body: the request as JSON in `report` (first, so the server reads it before the files), then each file as `evidence`. */
export function reportFormData(request: CreateReportInput, files: readonly File[]): FormData {
  const body = new FormData();
  body.append('report', JSON.stringify(request));
  for (const file of files) body.append('evidence', file, file.name);
  return body;
}

/**
 * A tracking code as typed or read out on the phone (`tg 7q2m 9xkd`, `TG7Q2M9XKD`, `7Q2M9XKD`) in the
 * server's form `TG-7Q2M9XKD`. Anything else is returned trimmed and upper-cased, for the check to refuse.
 */
export function normaliseReportCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s._–—-]+/g, '');
  const body = /^TG[A-Z0-9]{8}$/.test(compact) ? compact.slice(2) : compact;
  return /^[A-Z0-9]{8}$/.test(body) ? `TG-${body}` : input.trim().toUpperCase();
}

/** The same check as the server's path parameter (ReportTrackingParams). */
export function isReportCode(code: string): boolean {
  return ReportTrackingParams.safeParse({ trackingCode: code }).success;
}

const transferFields = [
  'toBank',
  'toAccount',
  'amount',
  'at',
  'reference',
  'fromBank',
  'fromAccount',
] as const;
export type TransferField = (typeof transferFields)[number];

/** The form's fields in the order they are shown: the error summary lists its errors in this order. */
export function fieldOrder(values: Pick<ReportValues, 'identifiers' | 'transfers'>): string[] {
  return [
    'scamMethod',
    'occurredAt',
    'channels',
    ...values.identifiers.map((_, index) => `identifiers.${index}.value`),
    'identifiers',
    ...values.transfers.flatMap((_, index) => transferFields.map((field) => `transfers.${index}.${field}`)),
    'transfers',
    'totalLoss',
    'story',
    'evidence',
    'provinceCode',
    'communeCode',
    'fullName',
    'phone',
    'email',
    'address',
    'language',
  ];
}

/** The fields that have an error, in the order they are shown; any other error last. */
export function orderedErrorFields(errors: Record<string, unknown>, order: readonly string[]): string[] {
  const failing = Object.keys(errors).filter((path) => errors[path]);
  return [
    ...order.filter((path) => failing.includes(path)),
    ...failing.filter((path) => !order.includes(path)),
  ];
}
