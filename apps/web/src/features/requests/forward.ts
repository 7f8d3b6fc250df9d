import type { ForwardHoldsBody, OnwardTransfer } from '@khien/contracts';
import { foldVietnamese } from '../../ui/text';

export interface Recipient {
  id: string;
  name: string;
  shortName: string | null;
}

/** An onward transfer of an answered hold, as the forward panel lists it. */
export interface ForwardRow {
  index: number;
  transfer: OnwardTransfer;
  forwarded: boolean;
  /** What of the disputed money the next hold would ask, earliest transfers first; 0 when none is left. */
  expectedHoldVnd: number;
}

function parseTransfers(answer: Record<string, unknown> | null): OnwardTransfer[] {
  const list = answer?.onwardTransfers;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is OnwardTransfer =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as OnwardTransfer).bank === 'string' &&
      typeof (item as OnwardTransfer).account === 'string' &&
      typeof (item as OnwardTransfer).amountVnd === 'number',
  );
}

/**
 * The rows of the forward panel: each onward transfer with whether it was forwarded already and the
 * amount the next hold is expected to ask (the disputed money the bank could not hold, followed from
 * the earliest transfer; the server computes the real amounts).
 */
export function forwardRows(
  request: { amountVnd: number | null; heldVnd: number | null; answer: Record<string, unknown> | null },
  forwardedTransfers: readonly number[],
): ForwardRow[] {
  const transfers = parseTransfers(request.answer);
  let untraced = Math.max(0, (request.amountVnd ?? 0) - (request.heldVnd ?? 0));
  const expected = new Map<number, number>();
  const order = transfers
    .map((transfer, index) => ({ transfer, index, at: new Date(transfer.at).getTime() || 0 }))
    .sort((a, b) => a.at - b.at);
  for (const { transfer, index } of order) {
    const hold = Math.min(transfer.amountVnd, untraced);
    expected.set(index, Math.max(0, hold));
    untraced -= Math.max(0, hold);
  }
  return transfers.map((transfer, index) => ({
    index,
    transfer,
    forwarded: forwardedTransfers.includes(index),
    expectedHoldVnd: expected.get(index) ?? 0,
  }));
}

/**
 * The agency a bank as written in an answer ("VCB", "Vietcombank", "Ngân hàng TMCP Ngoại thương") most
 * likely is: an exact short name or name first, then a single name containing it. Null when unsure.
 */
export function matchRecipient(bank: string, recipients: readonly Recipient[]): string | null {
  const wanted = foldVietnamese(bank);
  if (!wanted) return null;
  const exact = recipients.filter(
    (recipient) =>
      foldVietnamese(recipient.shortName ?? '') === wanted || foldVietnamese(recipient.name) === wanted,
  );
  if (exact.length === 1) return exact[0]!.id;
  const partial = recipients.filter((recipient) =>
    [recipient.name, recipient.shortName ?? ''].some((label) => {
      const folded = foldVietnamese(label);
      return folded !== '' && (folded.includes(wanted) || wanted.includes(folded));
    }),
  );
  return partial.length === 1 ? partial[0]!.id : null;
}

/** The forward body: the chosen transfers, each with its next bank when one was chosen. */
export function toForwardBody(
  selected: ReadonlyMap<number, string | null>,
  legalBasis: string,
): ForwardHoldsBody {
  const basis = legalBasis.trim();
  return {
    transfers: [...selected.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, recipientAgencyId]) => (recipientAgencyId ? { index, recipientAgencyId } : { index })),
    ...(basis ? { legalBasis: basis } : {}),
  };
}
