import { Health, Readiness } from '@khien/contracts';
import type { App } from '../../http/app.js';

export interface SystemProbes {
  readiness(): Promise<Readiness>;
  metricsText(): Promise<string>;
  metricsContentType: string;
}

export function registerSystemRoutes(app: App, probes: SystemProbes) {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'The process is alive', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The database is reachable and every migration is applied',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const readiness = await probes.readiness();
      return reply.status(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(probes.metricsContentType);
    return probes.metricsText();
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
