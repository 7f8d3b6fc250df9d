import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AppError } from '../shared/app-error.js';
import { securityHeaders } from './security-headers.js';
import type { RequestContext } from '../shared/context.js';
import type { Action } from '../shared/policy.js';
import { errorHandler, problem, sendProblem } from './errors.js';
import type { Metrics } from './metrics.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a route declares about who may call it; the matrix test reads these. */
export interface RouteAccess {
  /** `public`: anyone; `session`: any signed-in identity; an action: checked by the service against the policy. */
  access: 'public' | 'session' | Action;
  /** Reachable while the session still has to enrol TOTP or change its password. */
  allowDuringEnrolment?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess['access'];
    allowDuringEnrolment?: boolean;
  }
  interface FastifyRequest {
    context: RequestContext;
    /** Set when the identity is a session that must first enrol TOTP or change its password. */
    restriction: 'totp_enrolment' | 'password_change' | null;
  }
}

export interface Authenticated {
  context: Omit<RequestContext, 'ip' | 'userAgent' | 'requestId' | 'reason'>;
  restriction: 'totp_enrolment' | 'password_change' | null;
}

export interface HttpDependencies {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** Resolves the session cookie or bearer key into an actor; null when neither is present. */
  authenticate(request: FastifyRequest): Promise<Authenticated | null>;
  sessionCookieName: string;
}

export async function buildHttpApp(deps: HttpDependencies): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Request lines are written by our own hook with the route pattern, never the raw URL (which may carry personal data).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    // The web app's routes are client-side: any other page path gets index.html. A missing built
    // asset is a real 404 (a stale tab after a deploy must not receive HTML for a script).
    if (
      request.method === 'GET' &&
      !isApiPath(request.url) &&
      !request.url.startsWith('/assets/') &&
      deps.config.webDist !== undefined
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(
      reply,
      problem('not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
    );
  });

  await app.register(cookie);
  // Uploads (a QR image to check): one small file, a few fields. Routes read the parts themselves.
  await app.register(multipart, { limits: { fileSize: 8 * 1024 * 1024, files: 1, fields: 4, parts: 5 } });
  // Security headers (CSP and the rest) on every answer, errors and static files included.
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        }),
        {
          statusCode: 429,
        },
      ),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Khiên API',
        version: '0.1.0',
        description:
          'Khiên — phòng, chống lừa đảo trực tuyến. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: deps.sessionCookieName },
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key for machine clients' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  deps.metrics.instrument(app);
  // Hooks on every request take a callback, not a promise: a resolved promise and its microtask per hook
  // and per request are measurable on the public check's hot path.
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  app.decorateRequest('context', null as unknown as RequestContext);
  app.decorateRequest('restriction', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const reason = request.headers['x-khien-reason'];
    request.context = {
      actor: null,
      ip: request.ip ?? null,
      userAgent: truncate(request.headers['user-agent'], 300),
      requestId: String(request.id),
      reason: typeof reason === 'string' && reason.trim() ? truncate(decodeReason(reason), 500) : null,
    };
    done();
  });
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const authenticated = await deps.authenticate(request);
    if (!authenticated?.context.actor) {
      return sendProblem(reply, problem('auth.required', 'Sign in first', request.url.split('?')[0]));
    }
    request.context = { ...request.context, actor: authenticated.context.actor };
    request.restriction = authenticated.restriction;
    if (authenticated.restriction && !request.routeOptions.config.allowDuringEnrolment) {
      const code =
        authenticated.restriction === 'totp_enrolment'
          ? 'auth.totp_enrolment_required'
          : 'auth.password_change_required';
      return sendProblem(
        reply,
        problem(
          code,
          code === 'auth.totp_enrolment_required'
            ? 'Enrol a TOTP second factor before using the platform'
            : 'Change your password before using the platform',
          request.url.split('?')[0],
        ),
      );
    }
  });

  const webDist = config.webDist;
  if (webDist !== undefined) {
    if (!fs.existsSync(path.join(webDist, 'index.html'))) {
      deps.logger.warn({ webDist }, 'web app not built: run npm run build');
    }
    await app.register(fastifyStatic, {
      root: path.resolve(webDist),
      // Look files up per request, so that a rebuilt web app is served without a restart.
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders(response, filePath) {
        // Built assets carry a content hash in their names: cache them for good; revalidate the rest.
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}

function isApiPath(url: string): boolean {
  return /^\/(api|healthz|readyz|metrics)(\/|\?|$)/.test(url);
}

function truncate(value: string | undefined, max: number): string | null {
  if (!value) return null;
  return value.length > max ? value.slice(0, max) : value;
}

function decodeReason(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
