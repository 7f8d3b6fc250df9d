import type { AgencyRequest, AnswerRequestBody, WebhookPayload as ContractPayload } from '@khien/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { createKhienClient, KhienApiError } from './api.js';
import { json, problem, testServer } from './test-server.js';
import type { HoldAnswer, KhienRequest, WebhookPayload } from './types.js';

// Compile-time only: the example's hand-written types still match the contracts (tsc fails otherwise).
export const fromContract = (request: AgencyRequest): KhienRequest => request;
export const toContract = (answer: HoldAnswer): AnswerRequestBody => ({ type: 'hold', ...answer });
export const payloadFromContract = (payload: ContractPayload): WebhookPayload => payload;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const answer: HoldAnswer = { heldVnd: 1_000, balanceVnd: 5_000, confirmation: 'HOLD-1', onwardTransfers: [] };

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function khien(handler: Parameters<typeof testServer>[0]) {
  const server = await testServer(handler);
  close = server.close;
  const client = createKhienClient({ baseUrl: `${server.url}/`, apiKey: 'khk_test', retryDelayMs: 5 });
  return { client, received: server.received };
}

describe('createKhienClient', () => {
  it('retries a POST after a 5xx with the same Idempotency-Key and body', async () => {
    let calls = 0;
    const { client, received } = await khien((_request, res) => {
      calls += 1;
      if (calls < 3) json(res, 503, problem(503, 'unavailable'), 'application/problem+json');
      else json(res, 200, { id: 'r-1', status: 'answered' });
    });
    expect(await client.answerHold('r-1', answer)).toEqual({ id: 'r-1', status: 'answered' });
    expect(received).toHaveLength(3);
    const key = received[0]!.headers['idempotency-key'];
    expect(key).toMatch(UUID);
    for (const request of received) {
      expect(request).toMatchObject({ method: 'POST', path: '/api/requests/r-1/answer' });
      expect(request.headers['idempotency-key']).toBe(key);
      expect(request.headers.authorization).toBe('Bearer khk_test');
      expect(JSON.parse(request.body)).toEqual({ type: 'hold', ...answer });
    }
  });

  it('retries after the connection dropped, with the same key', async () => {
    let calls = 0;
    const { client, received } = await khien((_request, res, req) => {
      calls += 1;
      if (calls === 1) req.socket.destroy();
      else json(res, 200, { id: 'r-1', status: 'acknowledged' });
    });
    await client.acknowledge('r-1');
    expect(received).toHaveLength(2);
    expect(received[1]!.headers['idempotency-key']).toBe(received[0]!.headers['idempotency-key']);
    expect(received[0]!.body).toBe('{}');
  });

  it('retries while Khiên is still applying the same key', async () => {
    let calls = 0;
    const { client, received } = await khien((_request, res) => {
      calls += 1;
      if (calls === 1) json(res, 409, problem(409, 'request.idempotency_in_progress'));
      else json(res, 200, { id: 'r-1', status: 'refused' });
    });
    await client.refuse('r-1', 'Not our account');
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual([
      received[0]!.headers['idempotency-key'],
      received[0]!.headers['idempotency-key'],
    ]);
    expect(JSON.parse(received[0]!.body)).toEqual({ reason: 'Not our account' });
  });

  it('uses a new key for each new POST', async () => {
    const { client, received } = await khien((_request, res) => json(res, 200, {}));
    await client.acknowledge('r-1');
    await client.acknowledge('r-1');
    expect(received[0]!.headers['idempotency-key']).not.toBe(received[1]!.headers['idempotency-key']);
  });

  it("throws the problem's code on a 4xx, without retrying", async () => {
    const { client, received } = await khien((_request, res) =>
      json(res, 422, problem(422, 'request.idempotency_conflict'), 'application/problem+json'),
    );
    const error = await client.answerHold('r-1', answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KhienApiError);
    expect(error).toMatchObject({ status: 422, code: 'request.idempotency_conflict' });
    expect(received).toHaveLength(1);
  });

  it('gives up after the retries and throws the last problem', async () => {
    const { client, received } = await khien((_request, res) => json(res, 500, problem(500, 'internal')));
    await expect(client.acknowledge('r-1')).rejects.toMatchObject({ status: 500, code: 'internal' });
    expect(received).toHaveLength(4);
  });

  it('reads the inbox and a request without an Idempotency-Key', async () => {
    const { client, received } = await khien((request, res) =>
      request.path.startsWith('/api/requests?')
        ? json(res, 200, { items: [], total: 0 })
        : json(res, 200, { id: 'r-1' }),
    );
    expect(await client.inbox({ type: 'hold' })).toEqual({ items: [], total: 0 });
    expect(await client.request('r-1')).toEqual({ id: 'r-1' });
    const query = new URL(received[0]!.path, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({ box: 'inbox', open: 'true', limit: '200', type: 'hold' });
    expect(received[1]!.path).toBe('/api/requests/r-1');
    expect(received.every((r) => r.method === 'GET' && !r.headers['idempotency-key'])).toBe(true);
  });
});
