import { randomUUID } from 'node:crypto';
import type { HoldAnswer, KhienRequest, KhienRequestDetail, Problem, RequestPage } from './types.js';

/** A 4xx answer of the API, with the problem's stable `code` (e.g. `request.idempotency_conflict`). */
export class KhienApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly problem: Partial<Problem>,
  ) {
    super(`${status} ${code}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'KhienApiError';
  }
}

export interface KhienClientOptions {
  /** Where Khiên runs, e.g. http://localhost:8080. */
  baseUrl: string;
  /** An API key of the bank's agency with the scopes requests:read and requests:write. */
  apiKey: string;
  /** Further attempts after a network error or a 5xx (default 3). */
  retries?: number;
  /** Wait before the first retry, doubled each time (default 250 ms). */
  retryDelayMs?: number;
  /** Time allowed for one attempt (default 10 s). */
  timeoutMs?: number;
}

export interface KhienClient {
  /** Open requests addressed to the bank's agency (first page; `type` narrows it, e.g. 'hold'). */
  inbox(query?: { type?: string; limit?: number }): Promise<RequestPage>;
  request(id: string): Promise<KhienRequestDetail>;
  acknowledge(id: string): Promise<KhienRequest>;
  answerHold(id: string, answer: HoldAnswer): Promise<KhienRequest>;
  refuse(id: string, reason: string): Promise<KhienRequest>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client of /api/requests. Every POST carries a fresh `Idempotency-Key`; when an attempt fails on the
 * network, with a 5xx or while an earlier attempt is still in progress, it is retried with the same key
 * and body, so Khiên applies it at most once and gives the stored answer to a repeat. Other 4xx answers
 * are not retried: they throw a KhienApiError with the problem's code.
 */
export function createKhienClient(options: KhienClientOptions): KhienClient {
  const { retries = 3, retryDelayMs = 250, timeoutMs = 10_000 } = options;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.apiKey}`,
      accept: 'application/json',
    };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = randomUUID(); // chosen once, kept for every retry below
    }
    const payload = body === undefined ? undefined : JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(base + path, {
          method,
          headers,
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (attempt >= retries) throw error;
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      const text = await response.text();
      if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
      const error = problemError(response.status, text);
      // 409 idempotency_in_progress: an earlier attempt with this key is still being applied.
      const transient = response.status >= 500 || error.code === 'request.idempotency_in_progress';
      if (transient && attempt < retries) {
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      throw error;
    }
  }

  const id = (requestId: string) => `/api/requests/${encodeURIComponent(requestId)}`;
  return {
    inbox: (query = {}) => {
      const params = new URLSearchParams({ box: 'inbox', open: 'true', limit: String(query.limit ?? 200) });
      if (query.type) params.set('type', query.type);
      return call('GET', `/api/requests?${params}`);
    },
    request: (requestId) => call('GET', id(requestId)),
    acknowledge: (requestId) => call('POST', `${id(requestId)}/acknowledge`, {}),
    answerHold: (requestId, answer) => call('POST', `${id(requestId)}/answer`, { type: 'hold', ...answer }),
    refuse: (requestId, reason) => call('POST', `${id(requestId)}/refuse`, { reason }),
  };
}

function problemError(status: number, text: string): KhienApiError {
  let problem: Partial<Problem> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') problem = parsed as Partial<Problem>;
  } catch {
    // not problem+json (a proxy's error page): keep the status only
  }
  return new KhienApiError(status, problem.code ?? `http.${status}`, problem);
}
