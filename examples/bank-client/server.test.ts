import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerAccounts } from './bank.js';
import { startBankClient, type BankClient, type BankClientOptions } from './server.js';
import { json, problem, testServer } from './test-server.js';
import type { KhienRequest, WebhookPayload } from './types.js';
import { sign } from './webhook.js';

const secret = 'whsec_bank_b';
const accounts: LedgerAccounts = {
  '0123456789': {
    balanceVnd: 3_000_000,
    credits: [{ amountVnd: 10_000_000, at: new Date(Date.now() - 60 * 60_000).toISOString() }],
    transfersOut: [
      {
        bank: 'VCB',
        account: '9988776655',
        amountVnd: 4_000_000,
        at: new Date(Date.now() - 50 * 60_000).toISOString(),
      },
    ],
  },
};

function holdRequest(account: string, amountVnd: number): KhienRequest {
  return {
    id: randomUUID(),
    code: 'YC-TEST2345',
    type: 'hold',
    status: 'sent',
    senderAgencyName: 'Công an tỉnh',
    recipientAgencyId: randomUUID(),
    legalBasis: 'Điều 147 BLTTHS',
    reason: 'Victim transferred money to a scammer',
    details: { account: { bank: 'BIDV', account }, amountVnd, durationHours: 72 },
    sentAt: new Date().toISOString(),
    dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    amountVnd,
  };
}

/** A stand-in for Khiên's /api/requests: keeps the requests and moves their status as the API would. */
async function fakeKhien(requests: KhienRequest[]) {
  const byId = new Map(requests.map((request) => [request.id, request]));
  return testServer((received, res) => {
    const url = new URL(received.path, 'http://x');
    if (received.headers.authorization !== 'Bearer khk_bank_b')
      return json(res, 401, problem(401, 'auth.required'));
    if (url.pathname === '/api/requests') {
      const items = [...byId.values()].filter((r) => r.status === 'sent' || r.status === 'acknowledged');
      return json(res, 200, { items, total: items.length });
    }
    const [, id, action] = /^\/api\/requests\/([^/]+)(?:\/(\w+))?$/.exec(url.pathname) ?? [];
    const request = byId.get(id ?? '');
    if (!request) return json(res, 404, problem(404, 'request.not_found'));
    if (!action) return json(res, 200, { ...request, history: [], children: [], forwardedTransfers: [] });
    const next = { acknowledge: 'acknowledged', answer: 'answered', refuse: 'refused' }[action];
    if (!next || !received.headers['idempotency-key']) return json(res, 400, problem(400, 'bad'));
    request.status = next as KhienRequest['status'];
    return json(res, 200, request);
  });
}

let client: BankClient | undefined;
let khien: Awaited<ReturnType<typeof fakeKhien>> | undefined;
afterEach(async () => {
  await client?.stop();
  await khien?.close();
  client = khien = undefined;
});

async function start(requests: KhienRequest[], options: Partial<BankClientOptions> = {}) {
  khien = await fakeKhien(requests);
  client = await startBankClient({
    baseUrl: khien.url,
    apiKey: 'khk_bank_b',
    webhookSecret: secret,
    accounts,
    pollIntervalMs: 0,
    ...options,
  });
  return { client, khien };
}

function created(request: KhienRequest): string {
  const payload: WebhookPayload = {
    id: randomUUID(),
    type: 'request.created',
    createdAt: new Date().toISOString(),
    request,
  };
  return JSON.stringify(payload);
}

function post(client: BankClient, body: string, signature?: string, path = '/webhooks') {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['khien-signature'] = signature;
  return fetch(client.url + path, { method: 'POST', headers, body });
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('startBankClient', () => {
  it('accepts a signed request.created, then acknowledges and answers the hold by API', async () => {
    const request = holdRequest('0123 456 789', 10_000_000);
    const { client, khien } = await start([request]);
    const body = created(request);

    const response = await post(client, body, sign(secret, body, nowSeconds()));
    expect(response.status).toBe(200);
    await client.waitFor((event) => event.kind === 'answered');

    const calls = khien.received.map((r) => `${r.method} ${new URL(r.path, 'http://x').pathname}`);
    expect(calls).toEqual([
      `GET /api/requests/${request.id}`,
      `POST /api/requests/${request.id}/acknowledge`,
      `POST /api/requests/${request.id}/answer`,
    ]);
    expect(JSON.parse(khien.received[2]!.body)).toEqual({
      type: 'hold',
      heldVnd: 3_000_000,
      balanceVnd: 3_000_000,
      confirmation: 'HOLD-YC-TEST2345',
      onwardTransfers: [accounts['0123456789']!.transfersOut![0]],
      note: 'Partial hold: 3000000 of 10000000 VND available on the account.',
    });
    expect(client.events.map((event) => event.kind)).toEqual(['received', 'acknowledged', 'answered']);
    expect(request.status).toBe('answered');
  });

  it('refuses a bad signature with 401, and acts once on a replayed event (200 duplicate)', async () => {
    const request = holdRequest('0123456789', 1_000_000);
    const { client } = await start([request]);
    const body = created(request);

    expect((await post(client, body)).status).toBe(401);
    expect((await post(client, body, sign('whsec_other', body, nowSeconds()))).status).toBe(401);
    expect((await post(client, body, sign(secret, body, nowSeconds() - 600))).status).toBe(401);
    expect((await post(client, body, 'v1=nothing')).status).toBe(401);

    const signature = sign(secret, body, nowSeconds());
    expect((await post(client, body, signature)).status).toBe(200);
    const replay = await post(client, body, signature);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });

    const rejected = client.events.filter((event) => event.kind === 'rejected');
    expect(rejected.map((event) => event.reason)).toEqual([
      'missing',
      'mismatch',
      'stale',
      'malformed',
      'replay',
    ]);
    await client.waitFor((event) => event.kind === 'answered');
    expect(client.events.filter((event) => event.kind === 'answered')).toHaveLength(1);
  });

  it('takes the secret from a function, refusing everything while it is empty', async () => {
    const request = holdRequest('0123456789', 1_000_000);
    let current = '';
    const { client } = await start([request], { webhookSecret: () => current });
    const body = created(request);
    expect((await post(client, body, sign('', body, nowSeconds()))).status).toBe(401);
    current = 'whsec_set_later';
    expect((await post(client, body, sign(current, body, nowSeconds()))).status).toBe(200);
    await client.waitFor((event) => event.kind === 'answered');
  });

  it('answers only POST /webhooks', async () => {
    const { client } = await start([]);
    expect((await post(client, '{}', undefined, '/other')).status).toBe(404);
    expect((await fetch(`${client.url}/webhooks`)).status).toBe(405);
  });

  it('refuses a hold on an account the bank does not keep', async () => {
    const request = holdRequest('5555555555', 1_000_000);
    const { client, khien } = await start([request]);
    const body = created(request);
    await post(client, body, sign(secret, body, nowSeconds()));
    await client.waitFor((event) => event.kind === 'refused');
    expect(JSON.parse(khien.received.at(-1)!.body)).toEqual({ reason: expect.stringContaining('not held') });
    expect(request.status).toBe('refused');
  });

  it('finds by polling the holds whose webhooks were lost', async () => {
    const requests = [holdRequest('0123456789', 1_000_000), holdRequest('0123456789', 500_000)];
    const { client } = await start(requests, { pollIntervalMs: 20 });
    for (const request of requests) {
      await client.waitFor((event) => event.kind === 'answered' && event.requestId === request.id);
    }
    const received = client.events.filter((event) => event.kind === 'received');
    expect(received).toMatchObject([{ via: 'poll' }, { via: 'poll' }]);
    expect(requests.map((request) => request.status)).toEqual(['answered', 'answered']);
  });

  it('logs a failed poll (the next one tries again)', async () => {
    const { client } = await start([], { apiKey: 'khk_wrong' });
    await client.pollNow();
    expect(client.events).toMatchObject([{ kind: 'failed', code: 'auth.required' }]);
  });
});
