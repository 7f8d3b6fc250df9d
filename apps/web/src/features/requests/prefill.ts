import { RequestType } from '@khien/contracts';
import { amountDigits } from '../report-form/amount';
import { oneOf, uuidPattern } from './filters';

/** What the new-request form may be opened with, from the address (`/app/yeu-cau/moi?…`). */
export interface RequestPrefill {
  type: RequestType | null;
  reportId: string | null;
  caseId: string | null;
  recipientAgencyId: string | null;
  holdRequestId: string | null;
  bank: string;
  account: string;
  /** Digits only, '' when none. */
  amountVnd: string;
  phones: string[];
  domain: string;
  target: string;
}

const uuid = (value: string | null): string | null => (value && uuidPattern.test(value) ? value : null);
const textOf = (value: string | null, max: number): string => (value ?? '').trim().slice(0, max);

/**
 * `?type=hold&reportId=…&bank=VCB&account=0123456789&amountVnd=15000000`: one click from a report's
 * transfer opens the hold request ready to send. Anything malformed is left out, never guessed.
 */
export function prefillFrom(params: URLSearchParams): RequestPrefill {
  const phones = params
    .getAll('phone')
    .flatMap((value) => value.split(/[\n,;]+/))
    .map((phone) => phone.trim())
    .filter(Boolean)
    .slice(0, 50);
  return {
    type: oneOf(params.get('type'), RequestType.options) ?? null,
    reportId: uuid(params.get('reportId')),
    caseId: uuid(params.get('caseId')),
    recipientAgencyId: uuid(params.get('recipient')),
    holdRequestId: uuid(params.get('holdRequestId')),
    bank: textOf(params.get('bank'), 100),
    account: textOf(params.get('account'), 40),
    amountVnd: amountDigits(params.get('amountVnd') ?? ''),
    phones,
    domain: textOf(params.get('domain'), 253),
    target: textOf(params.get('target'), 2000),
  };
}

/** The address of the new-request form, pre-filled (empty values are left out). */
export function newRequestHref(
  base: string,
  values: Partial<Record<'type' | 'reportId' | 'caseId' | 'recipient' | 'holdRequestId', string | null>> & {
    bank?: string | null;
    account?: string | null;
    amountVnd?: number | null;
  },
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
