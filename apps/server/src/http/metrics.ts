import type { FastifyInstance } from 'fastify';
import client from 'prom-client';

/** Prometheus metrics at /metrics: process defaults plus request counts and durations by route. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'khien_' });
  const duration = new client.Histogram({
    name: 'khien_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const auditFailures = new client.Gauge({
    name: 'khien_audit_chain_ok',
    help: '1 when the last verification of the audit chain succeeded, 0 when it found a broken link',
    registers: [registry],
  });
  return {
    registry,
    auditChainOk: auditFailures,
    instrument(app: FastifyInstance) {
      app.addHook('onResponse', (request, reply, done) => {
        const route = request.routeOptions.url ?? 'unmatched';
        duration.observe(
          { method: request.method, route, status: String(reply.statusCode) },
          reply.elapsedTime / 1000,
        );
        done();
      });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
