/**
 * How a check is asked and remembered. A short text goes in the address (`/kiem-tra?q=…`), so a result can
 * be shared and "back" shows it again; a long text is usually a private message, so it is sent in the body
 * of a POST and kept only in this tab's memory, never in the address or the browser history.
 */

/** Texts longer than this are posted, not put in the address. */
export const maxAddressLength = 300;
/** The longest text the server checks (CheckQuery in @khien/contracts). */
export const maxCheckLength = 5000;

export type CheckMethod = 'get' | 'post';

export function checkMethod(text: string): CheckMethod {
  return text.trim().length > maxAddressLength ? 'post' : 'get';
}

/** The field code (as the server's validation names it) for a text that cannot be checked, or null. */
export function checkTextProblem(text: string): 'check.empty' | 'check.too_long' | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'check.empty';
  if (trimmed.length > maxCheckLength) return 'check.too_long';
  return null;
}

/** The address of the check page for a short text. */
export function checkSearch(text: string): string {
  return `?${new URLSearchParams({ q: text.trim() }).toString()}`;
}

/** What the history entry of a posted check holds: an id, never the text. */
export interface PostedCheckState {
  checkId: string;
}

export function postedCheckId(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const id = (state as Record<string, unknown>).checkId;
  return typeof id === 'string' && id !== '' ? id : null;
}

const keep = 20;
const postedTexts = new Map<string, string>();
let sequence = 0;

/** Keeps a long text in memory under a new id (the last few only); a reload forgets it. */
export function rememberPostedText(text: string): string {
  sequence += 1;
  const id = `${Date.now().toString(36)}-${sequence}`;
  postedTexts.set(id, text.trim());
  while (postedTexts.size > keep) {
    const oldest = postedTexts.keys().next().value;
    if (oldest === undefined) break;
    postedTexts.delete(oldest);
  }
  return id;
}

export function postedText(id: string | null): string | null {
  return id === null ? null : (postedTexts.get(id) ?? null);
}

/** What the page asks the server, if anything: the address wins over a posted text. */
export type CheckRequestSpec =
  { method: 'get'; text: string } | { method: 'post'; id: string; text: string } | null;

export function checkRequestFrom(params: URLSearchParams, state: unknown): CheckRequestSpec {
  const q = params.get('q')?.trim();
  if (q) return { method: 'get', text: q };
  const id = postedCheckId(state);
  const text = postedText(id);
  return id !== null && text !== null ? { method: 'post', id, text } : null;
}
