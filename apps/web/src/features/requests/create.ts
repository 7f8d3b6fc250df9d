import type { AgencyType, RequestType, TakedownCategory } from '@khien/contracts';
import { optionalText } from '../../ui/messages';
import { parseAmount } from '../report-form/amount';
import { localDateTimeToIso } from '../report-form/requests';
import type { RequestPrefill } from './prefill';

/**
 * The legal basis each kind of request is sent under by default: the officer may change it. Legal texts
 * are cited in Vietnamese in both languages (they are the documents' names).
 */
export const defaultLegalBasis: Record<RequestType, string> = {
  hold: 'Điều 147 Bộ luật Tố tụng hình sự 2015',
  release: 'Điều 147 Bộ luật Tố tụng hình sự 2015',
  hold_review: 'Thông tư 17/2024/TT-NHNN',
  subscriber_info: 'Điều 88 Bộ luật Tố tụng hình sự 2015; Luật Viễn thông 2023',
  domain_owner_info: 'Điều 88 Bộ luật Tố tụng hình sự 2015; Nghị định 147/2024/NĐ-CP',
  takedown: 'Luật An ninh mạng 2018; Nghị định 147/2024/NĐ-CP',
  sim_action: 'Luật Viễn thông 2023; Nghị định 163/2024/NĐ-CP',
  suspicious_account_notice: 'Thông tư 17/2024/TT-NHNN',
};

const police: readonly AgencyType[] = ['police_province', 'police_commune'];
const banks: readonly AgencyType[] = ['commercial_bank', 'payment_intermediary'];
const science: readonly AgencyType[] = ['dept_science_technology'];

/**
 * Which kinds of request an agency sends (the server's route table decides; this only orders and
 * explains the choices): the police ask banks, telcos and platforms; banks ask for reviews and report
 * suspicious accounts; the department of science and technology asks for takedowns and SIM actions.
 */
const senders: Record<RequestType, readonly AgencyType[]> = {
  hold: police,
  release: police,
  hold_review: banks,
  subscriber_info: police,
  domain_owner_info: police,
  takedown: [...police, ...science],
  sim_action: science,
  suspicious_account_notice: banks,
};

export const requestTypes = Object.keys(senders) as RequestType[];

export function maySend(agencyType: AgencyType, type: RequestType): boolean {
  return senders[type].includes(agencyType);
}

export interface NewRequestValues {
  type: RequestType | '';
  recipientAgencyId: string | null;
  legalBasis: string;
  reason: string;
  reportId: string;
  caseId: string;
  /** hold and suspicious_account_notice: the account. */
  bank: string;
  account: string;
  /** hold and release: digits only. */
  amount: string;
  durationHours: string;
  /** release and hold_review. */
  holdRequestId: string | null;
  holderObjection: string;
  /** subscriber_info and sim_action: one number per line. */
  phones: string;
  simAction: 're_verify' | 'lock';
  domain: string;
  target: string;
  category: TakedownCategory;
  evidenceUrl: string;
  /** datetime-local. */
  seenAt: string;
  captureSha256: string;
  holderName: string;
  idNumber: string;
  ebankingPhone: string;
  reasonCode: string;
}

/** The form as opened: empty, or filled from the address; the legal basis follows the type. */
export function initialRequestValues(
  prefill: RequestPrefill,
  agencyType: AgencyType,
  now: string,
): NewRequestValues {
  const type = prefill.type ?? requestTypes.find((candidate) => maySend(agencyType, candidate)) ?? '';
  return {
    type,
    recipientAgencyId: prefill.recipientAgencyId,
    legalBasis: type ? defaultLegalBasis[type] : '',
    reason: '',
    reportId: prefill.reportId ?? '',
    caseId: prefill.caseId ?? '',
    bank: prefill.bank,
    account: prefill.account,
    amount: prefill.amountVnd,
    durationHours: '72',
    holdRequestId: prefill.holdRequestId,
    holderObjection: '',
    phones: prefill.phones.join('\n'),
    simAction: 're_verify',
    domain: prefill.domain,
    target: prefill.target,
    category: 'website',
    evidenceUrl: '',
    seenAt: now,
    captureSha256: '',
    holderName: '',
    idNumber: '',
    ebankingPhone: '',
    reasonCode: '',
  };
}

/** The lines of a text box, trimmed, without the empty ones. */
export function lines(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The details of each kind of request, from the form (checked by `CreateRequestBody` before sending). */
export function detailsOf(values: NewRequestValues): Record<string, unknown> {
  const account = { bank: values.bank.trim(), account: values.account.trim() };
  switch (values.type) {
    case 'hold':
      return {
        account,
        amountVnd: parseAmount(values.amount),
        durationHours: Number(values.durationHours) || undefined,
      };
    case 'release':
      return { holdRequestId: values.holdRequestId ?? undefined, amountVnd: parseAmount(values.amount) };
    case 'hold_review':
      return {
        holdRequestId: values.holdRequestId ?? undefined,
        holderObjection: optionalText(values.holderObjection),
      };
    case 'subscriber_info':
      return { phones: lines(values.phones) };
    case 'domain_owner_info':
      return { domain: values.domain.trim() };
    case 'takedown':
      return {
        target: values.target.trim(),
        category: values.category,
        evidence: {
          url: optionalText(values.evidenceUrl),
          seenAt: localDateTimeToIso(values.seenAt),
          captureSha256: optionalText(values.captureSha256.toLowerCase()),
        },
      };
    case 'sim_action':
      return { phones: lines(values.phones), action: values.simAction };
    case 'suspicious_account_notice':
      return {
        account,
        holderName: values.holderName.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
        ebankingPhone: optionalText(values.ebankingPhone),
        reasonCode: values.reasonCode.trim(),
      };
    case '':
      return {};
  }
}

/** `POST /api/requests`'s body (unchecked: the form checks it with the contract's schema). */
export function toCreateRequestBody(values: NewRequestValues): Record<string, unknown> {
  return {
    type: values.type || undefined,
    recipientAgencyId: values.recipientAgencyId ?? undefined,
    legalBasis: values.legalBasis.trim(),
    reason: values.reason.trim(),
    reportId: values.reportId || undefined,
    caseId: values.caseId || undefined,
    details: detailsOf(values),
  };
}

/** The form field a problem's path (`details.account.bank`, `details.phones.2`) belongs to. */
export function createFieldOf(path: string): string {
  const [head, second, third] = path.split('.');
  if (head !== 'details') return head ?? path;
  switch (second) {
    case 'account':
      return third === 'bank' ? 'bank' : 'account';
    case 'amountVnd':
      return 'amount';
    case 'evidence':
      return third === 'url' ? 'evidenceUrl' : third === 'captureSha256' ? 'captureSha256' : 'seenAt';
    case 'action':
      return 'simAction';
    default:
      return second ?? path;
  }
}
