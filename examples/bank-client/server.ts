import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKhienClient, KhienApiError } from './api.js';
import { FakeLedger, type CoreBanking, type LedgerAccounts } from './bank.js';
import type { KhienRequest, WebhookPayload } from './types.js';
import { ReplayGuard, SIGNATURE_HEADER, verifySignature, type SignatureCheck } from './webhook.js';

/** Options of {@link startBankClient}. */
export interface BankClientOptions {
  /** Khiên's base URL, e.g. `http://localhost:8080`. */
  baseUrl: string;
  /** An API key of the bank's agency with the scopes `requests:read` and `requests:write`. */
  apiKey: string;
  /**
   * The secret Khiên showed once when the webhook was registered (POST /api/webhooks). A function is
   * asked at each delivery: the secret may then be set after the receiver is up (its URL is needed to
   * register it) or rotated. While it is empty, every delivery is refused.
   */
  webhookSecret: string | (() => string);
  /** Port of the webhook receiver; 0 (the default) takes a free one, read it back from `port`. */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** The fake ledger's accounts, by account number (bank.ts). Ignored when `core` is given. */
  accounts?: LedgerAccounts;
  /** A real core banking adapter instead of the fake ledger. */
  core?: CoreBanking;
  /** Poll the inbox this often as a fallback for lost webhooks, and once at start; 0 turns polling off (default 30 s). */
  pollIntervalMs?: number;
  /** The bank's agency id: when set, requests addressed to another agency are skipped. */
  agencyId?: string;
  /** Called with each event as it is logged (main.ts prints them). */
  onEvent?: (event: BankClientEvent) => void;
}

/** What the client did. */
export type BankClientActivity =
  | { kind: 'received'; via: 'webhook' | 'poll'; requestId: string; eventId?: string; eventType?: string }
  | {
      kind: 'rejected';
      reason: 'missing' | 'malformed' | 'stale' | 'mismatch' | 'replay' | 'bad_payload';
      eventId?: string;
    }
  | { kind: 'acknowledged'; requestId: string }
  | { kind: 'answered'; requestId: string; heldVnd: number; balanceVnd: number; onwardTransfers: number }
  | { kind: 'refused'; requestId: string; reason: string }
  | { kind: 'skipped'; requestId: string; reason: string }
  | { kind: 'failed'; requestId?: string; code: string; message: string };

/** An entry of the event log: what happened and when (ISO 8601). */
export type BankClientEvent = BankClientActivity & { at: string };

export interface BankClient {
  /** The receiver's address, e.g. http://127.0.0.1:41234; register `${url}/webhooks`. */
  url: string;
  port: number;
  /** The event log, oldest first. */
  events: readonly BankClientEvent[];
  /** The first event (logged or to come) that matches, or an error after `timeoutMs` (default 10 s). */
  waitFor(predicate: (event: BankClientEvent) => boolean, timeoutMs?: number): Promise<BankClientEvent>;
  /** Polls the inbox now and handles what it finds. */
  pollNow(): Promise<void>;
  /** Stops the receiver and the polling, and waits for the work under way. */
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const REFUSAL = 'The account named is not held at this bank (tài khoản không mở tại ngân hàng này).';

/**
 * Starts a bank's integration with Khiên: an HTTP receiver of webhooks on `POST /webhooks` and a poller
 * of the inbox. Each hold addressed to the bank, from a `request.created` webhook or found by polling, is
 * fetched, acknowledged, held in the core banking system and answered by API; a hold on an account the
 * bank does not keep is refused.
 *
 * The receiver reads the raw body, verifies `Khien-Signature` (401 when it fails), refuses an event id
 * already accepted (it answers 200 `duplicate` without acting again: Khiên retries an event whose first
 * answer it did not receive, and a retry must not be counted as a failed delivery) and answers 200 before
 * doing the work.
 *
 * @param options see {@link BankClientOptions}: `baseUrl`, `apiKey` and `webhookSecret` are required;
 *   `port` (0: a free one), `host` (127.0.0.1), `accounts` (the fake ledger) or `core`, `pollIntervalMs`
 *   (30 s; 0: off), `agencyId` and `onEvent` are optional.
 * @returns the running client: `url` (register `${url}/webhooks`), `events`, `waitFor`, `pollNow`, `stop`.
 *
 * @example
 * let webhookSecret = '';
 * const bank = await startBankClient({
 *   baseUrl: 'http://127.0.0.1:8080',
 *   apiKey: apiKey.secret, // requests:read and requests:write
 *   webhookSecret: () => webhookSecret,
 *   accounts: { '0123456789': { balanceVnd: 3_000_000 } },
 * });
 * // As the bank's administrator: POST /api/webhooks { url: `${bank.url}/webhooks`, events: ['request.created'] }
 * webhookSecret = createdWebhook.secret;
 * // …the police send a hold on 0123456789…
 * await bank.waitFor((event) => event.kind === 'answered');
 * await bank.stop();
 */
export async function startBankClient(options: BankClientOptions): Promise<BankClient> {
  const api = createKhienClient({ baseUrl: options.baseUrl, apiKey: options.apiKey });
  const core = options.core ?? new FakeLedger(options.accounts ?? {});
  const replays = new ReplayGuard();
  const events: BankClientEvent[] = [];
  const waiters = new Set<(event: BankClientEvent) => void>();
  const working = new Map<string, Promise<void>>();
  const finished = new Set<string>();
  let stopped = false;

  function log(activity: BankClientActivity): void {
    const event: BankClientEvent = { ...activity, at: new Date().toISOString() };
    events.push(event);
    options.onEvent?.(event);
    for (const waiter of waiters) waiter(event);
  }

  function failed(error: unknown, requestId?: string): void {
    const code = error instanceof KhienApiError ? error.code : 'error';
    let message = error instanceof Error ? error.message : String(error);
    // fetch hides why it failed (ECONNREFUSED, a timeout…) in its cause.
    const cause =
      error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
    if (cause) message += ` (${cause.code ?? cause.message})`;
    log({ kind: 'failed', requestId, code, message });
  }

  /** Handles a request once at a time, whether the webhook or the poller brought it. */
  function handle(requestId: string): Promise<void> {
    const running = working.get(requestId);
    if (running || finished.has(requestId) || stopped) return running ?? Promise.resolve();
    const work = answerHold(requestId)
      .catch((error: unknown) => failed(error, requestId))
      .finally(() => working.delete(requestId));
    working.set(requestId, work);
    return work;
  }

  async function answerHold(requestId: string): Promise<void> {
    const request = await api.request(requestId);
    const skip = whySkip(request, options.agencyId);
    if (skip) {
      finished.add(requestId);
      return log({ kind: 'skipped', requestId, reason: skip });
    }
    if (request.status === 'sent') {
      try {
        await api.acknowledge(requestId);
        log({ kind: 'acknowledged', requestId });
      } catch (error) {
        // Someone at the bank acknowledged it in the web app meanwhile: go on and answer.
        if (!(error instanceof KhienApiError && error.code === 'request.transition_not_allowed')) throw error;
      }
    }
    const hold = holdOf(request);
    if (!hold) throw new Error('The hold names no account or amount');
    const answer = await core.placeHold({
      requestId,
      code: request.code,
      ...hold,
      sentAt: new Date(request.sentAt),
    });
    if (!answer) {
      await api.refuse(requestId, REFUSAL);
      finished.add(requestId);
      return log({ kind: 'refused', requestId, reason: REFUSAL });
    }
    await api.answerHold(requestId, answer);
    finished.add(requestId);
    const { heldVnd, balanceVnd } = answer;
    log({ kind: 'answered', requestId, heldVnd, balanceVnd, onwardTransfers: answer.onwardTransfers.length });
  }

  async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/webhooks')
      return send(res, 404, 'not_found');
    if (req.method !== 'POST') return send(res, 405, 'method_not_allowed');
    const raw = await readBody(req);
    if (!raw) return send(res, 413, 'too_large');

    const header = req.headers[SIGNATURE_HEADER];
    const signature = Array.isArray(header) ? header.join(',') : header;
    const secret =
      typeof options.webhookSecret === 'function' ? options.webhookSecret() : options.webhookSecret;
    // Never verify against an empty secret: anyone could sign with it.
    const check: SignatureCheck = secret
      ? verifySignature(secret, signature, raw, Math.floor(Date.now() / 1000))
      : { ok: false, reason: 'mismatch' };
    if (!check.ok) {
      log({ kind: 'rejected', reason: check.reason });
      return send(res, 401, check.reason);
    }
    const payload = parsePayload(raw);
    if (!payload) {
      log({ kind: 'rejected', reason: 'bad_payload' });
      return send(res, 400, 'bad_payload');
    }
    if (!replays.accept(payload.id)) {
      log({ kind: 'rejected', reason: 'replay', eventId: payload.id });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ received: true, duplicate: true }));
      return;
    }
    const requestId = payload.request.id;
    log({ kind: 'received', via: 'webhook', requestId, eventId: payload.id, eventType: payload.type });
    send(res, 200);
    // The work runs after the answer: Khiên's delivery job waits for no core banking system.
    if (payload.type === 'request.created' && payload.request.type === 'hold') void handle(requestId);
  }

  let polling: Promise<void> | null = null;
  function pollNow(): Promise<void> {
    polling ??= (async () => {
      try {
        const page = await api.inbox({ type: 'hold' });
        const fresh = page.items.filter(
          (item) => item.type === 'hold' && !finished.has(item.id) && !working.has(item.id),
        );
        for (const item of fresh) log({ kind: 'received', via: 'poll', requestId: item.id });
        await Promise.all(fresh.map((item) => handle(item.id)));
      } catch (error) {
        failed(error);
      } finally {
        polling = null;
      }
    })();
    return polling;
  }

  const server = createServer((req, res) => {
    receive(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const listening = options.host ?? '127.0.0.1';
  const host = listening === '0.0.0.0' || listening === '::' ? '127.0.0.1' : listening;

  const pollMs = options.pollIntervalMs ?? 30_000;
  const timer = pollMs > 0 ? setInterval(() => void pollNow(), pollMs) : null;
  if (pollMs > 0) void pollNow();

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    events,
    pollNow,
    waitFor(predicate, timeoutMs = 10_000) {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (event: BankClientEvent) => {
          if (!predicate(event)) return;
          clearTimeout(timeout);
          waiters.delete(waiter);
          resolve(event);
        };
        const timeout = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching bank-client event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await Promise.allSettled([polling, ...working.values()]);
    },
  };
}

/** Why the client leaves a request alone, or null when it should hold. */
function whySkip(request: KhienRequest, agencyId: string | undefined): string | null {
  if (request.type !== 'hold') return `not a hold (${request.type})`;
  if (agencyId && request.recipientAgencyId !== agencyId) return 'addressed to another agency';
  if (request.status !== 'sent' && request.status !== 'acknowledged') return `already ${request.status}`;
  return null;
}

function holdOf(request: KhienRequest): { account: string; amountVnd: number } | null {
  const { account, amountVnd } = request.details as { account?: { account?: unknown }; amountVnd?: unknown };
  if (typeof account?.account !== 'string' || typeof amountVnd !== 'number') return null;
  return { account: account.account, amountVnd };
}

function parsePayload(raw: Buffer): WebhookPayload | null {
  try {
    const payload = JSON.parse(raw.toString('utf8')) as Partial<WebhookPayload>;
    if (typeof payload.id !== 'string' || typeof payload.request?.id !== 'string') return null;
    return payload as WebhookPayload;
  } catch {
    return null;
  }
}

/** The raw bytes of the body (what was signed), or null past MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, error?: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(error ? { error } : { received: true }));
}
