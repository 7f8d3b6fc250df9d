import {
  NetworkDetail,
  NetworkGraphQuery,
  NetworkIdParams,
  NetworkListQuery,
  NetworkPage,
  Problem,
} from '@khien/contracts';
import type { App } from '../../http/app.js';
import type { NetworksService } from './networks.service.js';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerNetworkRoutes(app: App, networks: NetworksService) {
  app.get(
    '/api/networks',
    {
      config: { access: 'report.list' },
      schema: {
        tags: ['reports'],
        summary:
          'Scam networks: reports joined by the identifiers they share, over all provinces, each with at least one report within reach',
        querystring: NetworkListQuery,
        response: { 200: NetworkPage, ...problems },
      },
    },
    async (request) => networks.list(request.context, request.query),
  );

  app.get(
    '/api/networks/:networkId',
    {
      config: { access: 'report.list' },
      schema: {
        tags: ['reports'],
        summary:
          'One network as a graph of reports and identifiers (the most connected first, at most maxNodes)',
        params: NetworkIdParams,
        querystring: NetworkGraphQuery,
        response: { 200: NetworkDetail, ...problems },
      },
    },
    async (request) => networks.graph(request.context, request.params.networkId, request.query),
  );
}
