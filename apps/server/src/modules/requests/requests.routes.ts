import {
  AgencyRequest,
  AgencyRequestDetail,
  AnswerRequestBody,
  CreateRequestBody,
  CreateWebhookBody,
  CreatedWebhook,
  ForwardHoldsBody,
  PageQuery,
  Problem,
  ReasonBody,
  RecordReturnBody,
  RecoverySummary,
  RecoverySummaryQuery,
  RenewHoldBody,
  ReportIdParams,
  ReportRecovery,
  RequestIdParams,
  RequestListQuery,
  RequestPage,
  RequestRecipients,
  RequestRecipientsQuery,
  RequestTimeLimits,
  WebhookDeliveryPage,
  WebhookIdParams,
  WebhookList,
} from '@khien/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app.js';
import type { Idempotency } from './idempotency.js';
import type { RecoveryService } from './recovery.service.js';
import type { RequestsService } from './requests.service.js';
import type { WebhooksService } from './webhooks.service.js';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writes = { ...problems, 409: Problem, 422: Problem };
const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .describe('Required for API keys: the same key and body give the first answer again (24 hours)'),
});

export function registerRequestsRoutes(
  app: App,
  services: {
    requests: RequestsService;
    webhooks: WebhooksService;
    recovery: RecoveryService;
    idempotency: Idempotency;
  },
) {
  const { requests, webhooks, recovery, idempotency } = services;

  /** Runs a write once per Idempotency-Key and sends its (first) answer. */
  async function once<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    work: () => Promise<T>,
  ) {
    const key = request.headers['idempotency-key'];
    const result = await idempotency.run(
      request.context,
      typeof key === 'string' ? key : undefined,
      { method: request.method, path: request.url.split('?')[0]!, body: request.body },
      status,
      work,
    );
    return reply.status(result.status).send(result.body);
  }

  app.get(
    '/api/requests',
    {
      config: { access: 'request.read' },
      schema: {
        tags: ['requests'],
        summary: 'Requests to and from the agency: open ones first, the most urgent first',
        querystring: RequestListQuery,
        response: { 200: RequestPage, ...problems },
      },
    },
    async (request) => requests.list(request.context, request.query),
  );

  app.post(
    '/api/requests',
    {
      config: { access: 'request.send' },
      schema: {
        tags: ['requests'],
        summary:
          'Send a request to another agency (hold, release, information, takedown, SIM action, notice)',
        headers: IdempotencyHeaders,
        body: CreateRequestBody,
        response: { 201: AgencyRequestDetail, ...writes },
      },
    },
    async (request, reply) => once(request, reply, 201, () => requests.create(request.context, request.body)),
  );

  app.get(
    '/api/request-time-limits',
    {
      config: { access: 'session' },
      schema: {
        tags: ['requests'],
        summary: 'How long recipients have to answer, by kind of request (minutes)',
        response: { 200: RequestTimeLimits, ...problems },
      },
    },
    async (request) => requests.timeLimits(request.context),
  );

  app.put(
    '/api/request-time-limits',
    {
      config: { access: 'request.policy' },
      schema: {
        tags: ['requests'],
        summary: 'Change the time limits (national administrators); requests already sent keep theirs',
        body: RequestTimeLimits,
        response: { 200: RequestTimeLimits, ...problems },
      },
    },
    async (request) => requests.updateTimeLimits(request.context, request.body),
  );

  app.get(
    '/api/requests/recipients',
    {
      config: { access: 'request.read' },
      schema: {
        tags: ['requests'],
        summary: 'The agencies that may receive a type of request',
        querystring: RequestRecipientsQuery,
        response: { 200: RequestRecipients, ...problems },
      },
    },
    async (request) => requests.recipients(request.context, request.query.type, request.query.q),
  );

  app.get(
    '/api/requests/:requestId',
    {
      config: { access: 'request.read' },
      schema: {
        tags: ['requests'],
        summary: 'A request with its history and next hops (reads of personal data are audited)',
        params: RequestIdParams,
        response: { 200: AgencyRequestDetail, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return requests.get(request.context, request.params.requestId);
    },
  );

  const transitions = [
    ['acknowledge', 'request.answer', 'The recipient has seen the request and is working on it', null],
    ['answer', 'request.answer', 'Answer: the fields of the request’s type, with `type`', AnswerRequestBody],
    ['refuse', 'request.answer', 'Refuse, with a reason', ReasonBody],
    ['cancel', 'request.send', 'Cancel a request still open, with a reason (sender)', ReasonBody],
    ['renew', 'request.send', 'Renew an active hold before it lapses, with a reason (sender)', RenewHoldBody],
  ] as const;
  for (const [name, access, summary, body] of transitions) {
    app.post(
      `/api/requests/:requestId/${name}`,
      {
        config: { access },
        schema: {
          tags: ['requests'],
          summary,
          headers: IdempotencyHeaders,
          params: RequestIdParams,
          ...(body ? { body } : {}),
          response: { 200: AgencyRequestDetail, ...writes },
        },
      },
      async (request, reply) => {
        const id = (request.params as { requestId: string }).requestId;
        const input = request.body as never;
        return once(request, reply, 200, () => {
          switch (name) {
            case 'acknowledge':
              return requests.acknowledge(request.context, id);
            case 'answer':
              return requests.answer(request.context, id, input);
            case 'refuse':
              return requests.refuse(request.context, id, input);
            case 'cancel':
              return requests.cancel(request.context, id, input);
            case 'renew':
              return requests.renew(request.context, id, input);
          }
        });
      },
    );
  }

  app.post(
    '/api/requests/:requestId/forward',
    {
      config: { access: 'request.send' },
      schema: {
        tags: ['requests'],
        summary: 'Follow the money: turn onward transfers of an answered hold into holds to the next banks',
        headers: IdempotencyHeaders,
        params: RequestIdParams,
        body: ForwardHoldsBody,
        response: { 201: z.object({ items: z.array(AgencyRequest) }), ...writes },
      },
    },
    async (request, reply) =>
      once(request, reply, 201, () =>
        requests.forward(request.context, request.params.requestId, request.body),
      ),
  );

  // ── Webhooks ──

  app.get(
    '/api/webhooks',
    {
      config: { access: 'webhook.manage' },
      schema: {
        tags: ['requests'],
        summary: 'The agency’s webhooks',
        response: { 200: WebhookList, ...problems },
      },
    },
    async (request) => webhooks.list(request.context),
  );

  app.post(
    '/api/webhooks',
    {
      config: { access: 'webhook.manage' },
      schema: {
        tags: ['requests'],
        summary: 'Register a webhook; its secret is shown once',
        body: CreateWebhookBody,
        response: { 201: CreatedWebhook, ...writes },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await webhooks.create(request.context, request.body));
    },
  );

  app.delete(
    '/api/webhooks/:webhookId',
    {
      config: { access: 'webhook.manage' },
      schema: {
        tags: ['requests'],
        summary: 'Remove a webhook',
        params: WebhookIdParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await webhooks.remove(request.context, request.params.webhookId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/webhooks/:webhookId/deliveries',
    {
      config: { access: 'webhook.manage' },
      schema: {
        tags: ['requests'],
        summary: 'Every attempt to post the webhook’s events, the latest first',
        params: WebhookIdParams,
        querystring: PageQuery,
        response: { 200: WebhookDeliveryPage, ...problems },
      },
    },
    async (request) => webhooks.deliveries(request.context, request.params.webhookId, request.query),
  );

  // ── Money ──

  app.get(
    '/api/reports/:reportId/recovery',
    {
      config: { access: 'recovery.read' },
      schema: {
        tags: ['reports'],
        summary: 'The asset-recovery ledger of a report, its totals and the golden-hour measures',
        params: ReportIdParams,
        response: { 200: ReportRecovery, ...problems },
      },
    },
    async (request) => recovery.ofReport(request.context, request.params.reportId),
  );

  app.post(
    '/api/reports/:reportId/recovery/returns',
    {
      config: { access: 'recovery.record' },
      schema: {
        tags: ['reports'],
        summary: 'Record money returned to the victim, with the bank’s confirmation',
        params: ReportIdParams,
        body: RecordReturnBody,
        response: { 201: ReportRecovery, ...writes },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recovery.recordReturn(request.context, request.params.reportId, request.body)),
  );

  app.get(
    '/api/recovery/summary',
    {
      config: { access: 'recovery.read' },
      schema: {
        tags: ['reports'],
        summary: 'Money lost, held, released and returned, and the golden hour: country, province or case',
        querystring: RecoverySummaryQuery,
        response: { 200: RecoverySummary, ...problems },
      },
    },
    async (request) => recovery.summary(request.context, request.query),
  );
}
