import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * What the public routes that follow a submission (an appeal, a report) share: the secret comes in the
 * `X-Khien-Secret` header, never in the address, the answer is never cached, and they allow a sixth of
 * the public check's rate (guessing secrets is slower still).
 */
export function trackingSecret(request: FastifyRequest, reply: FastifyReply): string | undefined {
  reply.header('cache-control', 'no-store');
  const secret = request.headers['x-khien-secret'];
  return typeof secret === 'string' ? secret : undefined;
}

export function trackingRateLimit(checksPerMinute: number) {
  return checksPerMinute > 0
    ? { max: Math.max(1, Math.ceil(checksPerMinute / 6)), timeWindow: '1 minute' }
    : (false as const);
}
