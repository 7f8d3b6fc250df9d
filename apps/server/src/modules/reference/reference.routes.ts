import { CommuneList, CommuneQuery, Problem, ProvinceCodeParams, ProvinceList } from '@khien/contracts';
import type { App } from '../../http/app.js';
import type { ReferenceService } from './reference.service.js';

export function registerReferenceRoutes(app: App, reference: ReferenceService) {
  app.get(
    '/api/reference/provinces',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'The 34 provinces (2025 reorganisation)',
        response: { 200: ProvinceList },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { items: await reference.provinces() };
    },
  );
  app.get(
    '/api/reference/provinces/:provinceCode/communes',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'Communes, wards and special zones of a province (search without diacritics works)',
        params: ProvinceCodeParams,
        querystring: CommuneQuery,
        response: { 200: CommuneList, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { items: await reference.communes(request.params.provinceCode, request.query.q) };
    },
  );
}
