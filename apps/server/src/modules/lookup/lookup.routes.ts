import { CheckQuery, CheckRequest, CheckResponse, Problem } from '@khien/contracts';
import type { App } from '../../http/app.js';
import type { LookupService } from './lookup.service.js';

export interface LookupRouteOptions {
  /** Checks per minute per client address; 0 turns the limit off. */
  ratePerMinute: number;
}

export function registerLookupRoutes(app: App, lookup: LookupService, options: LookupRouteOptions) {
  const rateLimit =
    options.ratePerMinute > 0 ? { max: options.ratePerMinute, timeWindow: '1 minute' } : false;
  const responses = { 200: CheckResponse, 400: Problem, 429: Problem };
  app.get(
    '/api/public/check',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['public'],
        summary: 'Kiểm tra: a number, account, link, e-mail, social account or a whole message',
        querystring: CheckQuery,
        response: responses,
      },
    },
    async (request, reply) => {
      // Answers may carry what someone pasted from a private message: never cache them anywhere.
      reply.header('cache-control', 'no-store');
      return lookup.check(request.query.q);
    },
  );
  app.post(
    '/api/public/check',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['public'],
        summary: 'The same check with the text in a JSON body',
        body: CheckRequest,
        response: responses,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return lookup.check(request.body.q);
    },
  );
}
