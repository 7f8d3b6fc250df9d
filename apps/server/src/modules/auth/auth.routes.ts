import {
  ChangePasswordRequest,
  ConfirmTotpRequest,
  DisableTotpRequest,
  LoginRequest,
  Me,
  Problem,
  TotpEnrolment,
} from '@khien/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app.js';
import { AppError } from '../../shared/app-error.js';
import type { AuthService, Identity } from './auth.service.js';

export const SESSION_COOKIE = 'khien_session';

export interface AuthRouteOptions {
  cookieSecure: 'auto' | 'true' | 'false';
  rateLimitPerMinute: number;
}

export function credentialsOf(request: FastifyRequest): { sessionToken?: string; bearer?: string } {
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  return { sessionToken: request.cookies[SESSION_COOKIE], bearer };
}

export function registerAuthRoutes(app: App, auth: AuthService, options: AuthRouteOptions) {
  const secure = (request: FastifyRequest) =>
    options.cookieSecure === 'true' || (options.cookieSecure === 'auto' && request.protocol === 'https');

  async function identity(request: FastifyRequest): Promise<Identity> {
    const found = await auth.authenticate(credentialsOf(request));
    if (!found) throw new AppError('auth.required', 'Sign in first');
    return found;
  }

  const limit = { max: options.rateLimitPerMinute, timeWindow: '1 minute' };
  const problems = { 400: Problem, 401: Problem, 403: Problem, 423: Problem, 429: Problem };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (đăng nhập)',
        body: LoginRequest,
        response: { 200: Me, ...problems },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await auth.login(request.context, request.body);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secure(request),
        expires: expiresAt,
      });
      const found = await auth.authenticate({ sessionToken: token });
      if (!found) throw new AppError('internal', 'The new session could not be read');
      return auth.me(found);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Sign out (đăng xuất)', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await auth.logout(request.context, request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'identity.read', allowDuringEnrolment: true },
      schema: { tags: ['auth'], summary: 'Who am I', response: { 200: Me, 401: Problem } },
    },
    async (request) => auth.me(await identity(request)),
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'session', allowDuringEnrolment: true, rateLimit: limit },
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: ChangePasswordRequest,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const found = await identity(request);
      await auth.changePassword(request.context, found.sessionId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/totp/enrol',
    {
      config: { access: 'session', allowDuringEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment',
        response: { 200: TotpEnrolment, ...problems },
      },
    },
    async (request) => auth.enrolTotp(request.context),
  );

  app.post(
    '/api/me/totp/confirm',
    {
      config: { access: 'session', allowDuringEnrolment: true, rateLimit: limit },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a code',
        body: ConfirmTotpRequest,
        response: { 200: Me, ...problems, 409: Problem },
      },
    },
    async (request) => {
      await auth.confirmTotp(request.context, request.body.code);
      return auth.me(await identity(request));
    },
  );

  app.post(
    '/api/me/totp/disable',
    {
      config: { access: 'session', rateLimit: limit },
      schema: {
        tags: ['auth'],
        summary: 'Turn TOTP off',
        body: DisableTotpRequest,
        response: { 200: Me, ...problems, 409: Problem },
      },
    },
    async (request) => {
      await auth.disableTotp(request.context, request.body.password);
      return auth.me(await identity(request));
    },
  );
}
