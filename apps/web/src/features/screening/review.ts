import type { FlagReviewBody, ReviewBody } from '@khien/contracts';
import { foldVietnamese } from '../../ui/text';

export type ReviewOutcome = ReviewBody['outcome'];
/** A flagged account's outcome: dismissed, or fraud confirmed like a held transfer. */
export type FlagOutcome = FlagReviewBody['outcome'];
/** Any outcome the shared review form sends: a held transfer's or a flagged account's. */
export type AnyOutcome = ReviewOutcome | FlagOutcome;

/** The review form's fields: the note, and the police notice when confirming fraud. */
export interface ReviewValues {
  note: string;
  sendNotice: boolean;
  policeAgencyId: string | null;
  holderName: string;
  idNumber: string;
  ebankingPhone: string;
  reasonCode: string;
}

/** Empty, with the holder's name the payee's bank gave (or the name shown) to start from. */
export function initialReviewValues(holderName: string | null): ReviewValues {
  return {
    note: '',
    sendNotice: false,
    policeAgencyId: null,
    holderName: holderName ?? '',
    idNumber: '',
    ebankingPhone: '',
    reasonCode: '',
  };
}

/**
 * `POST /api/screening/reviews/:transferId`'s body: text trimmed, the ID number in capitals, an empty
 * phone left out, and the notice only when fraud is confirmed and the analyst chose to send it.
 */
export function toReviewBody<O extends AnyOutcome>(
  outcome: O,
  values: ReviewValues,
): Omit<ReviewBody, 'outcome'> & { outcome: O } {
  const body: Omit<ReviewBody, 'outcome'> & { outcome: O } = { outcome, note: values.note.trim() };
  if (outcome === 'confirmed_fraud' && values.sendNotice) {
    const phone = values.ebankingPhone.trim();
    body.notice = {
      policeAgencyId: values.policeAgencyId ?? '',
      holderName: values.holderName.trim(),
      idNumber: values.idNumber.replace(/\s+/g, '').toUpperCase(),
      ...(phone ? { ebankingPhone: phone } : {}),
      reasonCode: values.reasonCode.trim(),
    };
  }
  return body;
}

/** The form field of an issue's path: `notice.idNumber` is the field `idNumber`. */
export function reviewFieldOf(path: string): string {
  return path.startsWith('notice.') ? path.slice('notice.'.length) : (path.split('.')[0] ?? path);
}

const folded = (name: string) => foldVietnamese(name).toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Whether the holder's name at the payee's bank differs from the name the payer was shown, case,
 * diacritics and spacing aside ("TRAN VAN BINH" is "Trần Văn Bình"); unknown is not a difference.
 */
export function namesDiffer(nameShown: string, holderName: string | null): boolean {
  return holderName !== null && folded(nameShown) !== folded(holderName);
}
