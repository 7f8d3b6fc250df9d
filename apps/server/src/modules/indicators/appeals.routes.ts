import {
  Appeal,
  AppealDetail,
  AppealIdParams,
  AppealListQuery,
  AppealPage,
  AppealReceipt,
  AppealTrackingParams,
  CreateAppealRequest,
  DecideAppealRequest,
  Problem,
  PublicAppealStatus,
} from '@khien/contracts';
import type { App } from '../../http/app.js';
import { trackingRateLimit, trackingSecret } from '../../http/public-tracking.js';
import type { AppealsService } from './appeals.service.js';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerAppealsRoutes(app: App, appeals: AppealsService, options: { ratePerMinute: number }) {
  const rateLimit = trackingRateLimit(options.ratePerMinute);
  app.post(
    '/api/public/appeals',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['public'],
        summary: 'Appeal against a listing (khiếu nại): answers a tracking code and a secret',
        body: CreateAppealRequest,
        response: { 201: AppealReceipt, 400: Problem, 409: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request, reply) => reply.status(201).send(await appeals.submit(request.context, request.body)),
  );
  app.get(
    '/api/public/appeals/:trackingCode',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['public'],
        summary: 'Follow an appeal: send its secret in the X-Khien-Secret header',
        params: AppealTrackingParams,
        response: { 200: PublicAppealStatus, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request, reply) =>
      appeals.publicStatus(request.params.trackingCode, trackingSecret(request, reply)),
  );
  app.get(
    '/api/appeals',
    {
      config: { access: 'appeal.decide' },
      schema: {
        tags: ['registry'],
        summary: 'Appeals to decide (police)',
        querystring: AppealListQuery,
        response: { 200: AppealPage, ...problems },
      },
    },
    async (request) => appeals.list(request.context, request.query),
  );
  app.get(
    '/api/appeals/:appealId',
    {
      config: { access: 'appeal.decide' },
      schema: {
        tags: ['registry'],
        summary: "One appeal with the appellant's contact details (audited read)",
        params: AppealIdParams,
        response: { 200: AppealDetail, ...problems },
      },
    },
    async (request) => appeals.get(request.context, request.params.appealId),
  );
  app.post(
    '/api/appeals/:appealId/decision',
    {
      config: { access: 'appeal.decide' },
      schema: {
        tags: ['registry'],
        summary: 'Uphold (clears the entry at once) or reject an appeal, with the reason',
        params: AppealIdParams,
        body: DecideAppealRequest,
        response: { 200: Appeal, ...problems, 409: Problem },
      },
    },
    async (request) => appeals.decide(request.context, request.params.appealId, request.body),
  );
}
