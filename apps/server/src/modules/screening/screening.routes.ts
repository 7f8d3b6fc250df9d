import {
  BacktestBody,
  BacktestResult,
  BatchScreeningRequest,
  BatchScreeningResponse,
  CompletedTransfersAnswer,
  CompletedTransfersBody,
  CreateRuleSetDraft,
  FlagIdParams,
  FlagItem,
  FlagListQuery,
  FlagPage,
  FlagReviewBody,
  DecisionListQuery,
  DecisionPage,
  EditRuleSetDraft,
  Problem,
  ReviewBody,
  ReviewItem,
  ReviewListQuery,
  ReviewPage,
  RuleSetList,
  RuleSetVersion,
  RuleSetVersionParams,
  ScreeningDecision,
  ShadowBody,
  TransferIdParams,
} from '@khien/contracts';
import { z } from 'zod';
import type { App } from '../../http/app.js';
import type { ScreeningService } from './screening.service.js';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writes = { ...problems, 409: Problem, 422: Problem };

export function registerScreeningRoutes(app: App, screening: ScreeningService) {
  app.post(
    '/api/screening/transfers',
    {
      config: { access: 'screening.decide' },
      // A pacs.008 with remittance information stays small; a transfer of ours is under 2 KB.
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['screening'],
        summary:
          'Screen one transfer before the money leaves: a ScreeningTransfer, or ISO 20022 pacs.008 / pain.001 in JSON (API key with screening:write; idempotent by transfer id)',
        body: z
          .record(z.string(), z.unknown())
          .describe('ScreeningTransfer, or an ISO 20022 message in JSON'),
        response: { 200: ScreeningDecision, ...writes },
      },
    },
    async (request, reply) => {
      // The budget counts from the request's arrival, parsing included.
      const arrivedAt = performance.now() - reply.elapsedTime;
      reply.header('cache-control', 'no-store');
      return screening.screen(request.context, request.body, arrivedAt);
    },
  );

  app.post(
    '/api/screening/transfers/batch',
    {
      config: { access: 'screening.decide' },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['screening'],
        summary: 'Screen up to 1,000 transfers in one call (each idempotent by its transfer id)',
        body: BatchScreeningRequest,
        response: { 200: BatchScreeningResponse, ...writes },
      },
    },
    async (request, reply) => {
      const arrivedAt = performance.now() - reply.elapsedTime;
      reply.header('cache-control', 'no-store');
      return screening.screenBatch(request.context, request.body.transfers, arrivedAt);
    },
  );

  app.get(
    '/api/screening/decisions',
    {
      config: { access: 'screening.review' },
      schema: {
        tags: ['screening'],
        summary: 'The bank’s decisions, the latest first, with where the shadow draft differed',
        querystring: DecisionListQuery,
        response: { 200: DecisionPage, ...problems },
      },
    },
    async (request) => screening.decisions(request.context, request.query),
  );

  app.post(
    '/api/screening/completed',
    {
      config: { access: 'screening.decide' },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['screening'],
        summary:
          'Completed transfers (up to 1,000), fed to the bank’s mule detector; flagged accounts wait for its analysts',
        body: CompletedTransfersBody,
        response: { 200: CompletedTransfersAnswer, ...writes },
      },
    },
    async (request) => screening.completed(request.context, request.body.transfers),
  );

  app.get(
    '/api/screening/flags',
    {
      config: { access: 'screening.review' },
      schema: {
        tags: ['screening'],
        summary: 'Accounts the mule detector flagged, the strongest first (the read is audited)',
        querystring: FlagListQuery,
        response: { 200: FlagPage, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return screening.flags(request.context, request.query);
    },
  );

  app.post(
    '/api/screening/flags/:flagId',
    {
      config: { access: 'screening.review' },
      schema: {
        tags: ['screening'],
        summary:
          'Dismiss a flagged account, or confirm fraud: listed as reported, and the police may be notified',
        params: FlagIdParams,
        body: FlagReviewBody,
        response: { 200: FlagItem, ...writes },
      },
    },
    async (request) => screening.reviewFlag(request.context, request.params.flagId, request.body),
  );

  app.get(
    '/api/screening/reviews',
    {
      config: { access: 'screening.review' },
      schema: {
        tags: ['screening'],
        summary: 'Held and blocked transfers waiting for review (or reviewed), with their parties (audited)',
        querystring: ReviewListQuery,
        response: { 200: ReviewPage, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return screening.reviews(request.context, request.query);
    },
  );

  app.post(
    '/api/screening/reviews/:transferId',
    {
      config: { access: 'screening.review' },
      schema: {
        tags: ['screening'],
        summary:
          'Release a held transfer, or confirm fraud: the payee account is listed as reported, and the police may be sent a suspicious-account notice',
        params: TransferIdParams,
        body: ReviewBody,
        response: { 200: ReviewItem, ...writes },
      },
    },
    async (request) => screening.review(request.context, request.params.transferId, request.body),
  );

  app.get(
    '/api/screening/rule-sets',
    {
      config: { access: 'screening.review' },
      schema: {
        tags: ['screening'],
        summary: 'The bank’s rule set versions (drafts, published, retired) and the default set',
        response: { 200: RuleSetList, ...problems },
      },
    },
    async (request) => screening.ruleSets(request.context),
  );

  app.post(
    '/api/screening/rule-sets',
    {
      config: { access: 'screening.manage' },
      schema: {
        tags: ['screening'],
        summary: 'A new draft, from the default set or one of the bank’s versions',
        body: CreateRuleSetDraft,
        response: { 201: RuleSetVersion, ...writes },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await screening.createDraft(request.context, request.body)),
  );

  app.put(
    '/api/screening/rule-sets/:version',
    {
      config: { access: 'screening.manage' },
      schema: {
        tags: ['screening'],
        summary: 'Edit a draft (published and retired versions are frozen)',
        params: RuleSetVersionParams,
        body: EditRuleSetDraft,
        response: { 200: RuleSetVersion, ...writes },
      },
    },
    async (request) => screening.editDraft(request.context, request.params.version, request.body),
  );

  app.post(
    '/api/screening/rule-sets/:version/publish',
    {
      config: { access: 'screening.manage' },
      schema: {
        tags: ['screening'],
        summary: 'Publish a draft: checked, frozen and in force at once; the previous version is retired',
        params: RuleSetVersionParams,
        response: { 200: RuleSetVersion, ...writes },
      },
    },
    async (request) => screening.publish(request.context, request.params.version),
  );

  app.post(
    '/api/screening/rule-sets/:version/backtest',
    {
      config: { access: 'screening.review' },
      // Past transfers as CSV in JSON: up to 5 MB of text.
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: ['screening'],
        summary:
          'Run a version (0: the default set) over past transfers from a CSV: outcomes per action and rule, precision and recall with labels, timing',
        params: z.object({ version: z.coerce.number().int().min(0) }),
        body: BacktestBody,
        response: { 200: BacktestResult, ...writes },
      },
    },
    async (request) => screening.backtest(request.context, request.params.version, request.body.csv),
  );

  app.post(
    '/api/screening/rule-sets/:version/shadow',
    {
      config: { access: 'screening.manage' },
      schema: {
        tags: ['screening'],
        summary: 'Run a draft in shadow beside the published set, or stop it',
        params: RuleSetVersionParams,
        body: ShadowBody,
        response: { 200: RuleSetVersion, ...writes },
      },
    },
    async (request) => screening.setShadow(request.context, request.params.version, request.body.shadow),
  );
}
