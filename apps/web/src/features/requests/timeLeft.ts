import type { AgencyRequest, RequestStatus } from '@khien/contracts';

/** How a request's time limit is shown: quiet, highlighted, strongly marked, or no longer running. */
export type DueState = 'done' | 'ok' | 'soon' | 'overdue';

export interface TimeLeft {
  state: DueState;
  /** Whole minutes left (positive) or past the limit (negative); 0 when done. */
  minutes: number;
}

const open: readonly RequestStatus[] = ['sent', 'acknowledged'];

/** Whether the recipient still owes an answer (the sender may still cancel). */
export function isOpenStatus(status: RequestStatus): boolean {
  return open.includes(status);
}

/**
 * The time left until the answer is due, as of `now`: highlighted when a quarter of the limit (and at
 * least 15 minutes) is left, marked when past it. The server's `overdue` counts even if the device's
 * clock disagrees.
 */
export function timeLeft(
  request: Pick<AgencyRequest, 'status' | 'sentAt' | 'dueAt' | 'overdue'>,
  now: Date,
): TimeLeft {
  if (!isOpenStatus(request.status)) return { state: 'done', minutes: 0 };
  const due = new Date(request.dueAt).getTime();
  const sent = new Date(request.sentAt).getTime();
  const left = (due - now.getTime()) / 60_000;
  const minutes = left >= 0 ? Math.floor(left) : -Math.ceil(-left);
  if (request.overdue || left < 0) return { state: 'overdue', minutes: minutes < 0 ? minutes : 0 };
  const window = Math.max(0, (due - sent) / 60_000);
  const soonWithin = Math.max(15, window / 4);
  return { state: left <= soonWithin ? 'soon' : 'ok', minutes };
}
