/**
 * The parts of Khiên's API this client reads and writes, written out by hand so the example has no
 * dependencies. They follow packages/contracts/src/requests.ts; api.test.ts checks at compile time that
 * they still do.
 */

export type RequestStatus = 'sent' | 'acknowledged' | 'answered' | 'refused' | 'cancelled';

/** A request as the API lists it (`AgencyRequest`), with the fields a bank needs. */
export interface KhienRequest {
  id: string;
  /** YC-XXXXXXXX, read out on the phone. */
  code: string;
  /** 'hold' for a hold; other types exist (release, subscriber_info, …). */
  type: string;
  status: RequestStatus;
  senderAgencyName: string;
  recipientAgencyId: string;
  legalBasis: string;
  reason: string;
  /** For a hold: { account: { bank, account }, amountVnd, durationHours }. */
  details: Record<string, unknown>;
  sentAt: string;
  dueAt: string;
  amountVnd: number | null;
}

/** GET /api/requests/:id adds the history and the next hops; this client reads neither. */
export type KhienRequestDetail = KhienRequest;

export interface RequestPage {
  items: KhienRequest[];
  total: number;
}

/** Where the money went next: one transfer out of the held account. */
export interface OnwardTransfer {
  bank: string;
  account: string;
  amountVnd: number;
  /** ISO 8601. */
  at: string;
  reference?: string;
}

/** The answer to a hold (POST /api/requests/:id/answer, with type 'hold'). */
export interface HoldAnswer {
  /** What the bank holds: at most the amount asked and the balance. */
  heldVnd: number;
  /** The balance when the hold was placed. */
  balanceVnd: number;
  /** The bank's reference for the hold. */
  confirmation: string;
  onwardTransfers: OnwardTransfer[];
  note?: string;
}

export type WebhookEventType =
  | 'request.created'
  | 'request.answered'
  | 'request.refused'
  | 'request.cancelled'
  | 'request.escalated'
  | 'hold.renewed'
  | 'hold.expired';

/** The JSON body of every webhook post. */
export interface WebhookPayload {
  /** The event id: refuse one already seen. */
  id: string;
  type: WebhookEventType;
  createdAt: string;
  request: KhienRequest;
}

/** An error answer (RFC 9457 problem+json). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
}
