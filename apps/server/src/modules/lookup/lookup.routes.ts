import {
  BatchCheckRequest,
  BatchCheckResponse,
  CheckQuery,
  CheckRequest,
  CheckResponse,
  Problem,
} from '@khien/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app.js';
import { AppError } from '../../shared/app-error.js';
import { compileAnswerWriter } from './answer-writer.js';
import { checkQueryValidatorCompiler } from './check-query.js';
import type { LookupService } from './lookup.service.js';

export interface LookupRouteOptions {
  /** Checks per minute per client address; 0 turns the limit off. */
  ratePerMinute: number;
}

export function registerLookupRoutes(app: App, lookup: LookupService, options: LookupRouteOptions) {
  const rateLimit =
    options.ratePerMinute > 0 ? { max: options.ratePerMinute, timeWindow: '1 minute' } : false;
  const responses = { 200: CheckResponse, 400: Problem, 429: Problem };
  const uploads = new WeakMap<FastifyRequest, { text: string; image: Buffer | null }>();
  // The hot path: answers are built by typed code from the contract's types, so they are written out
  // without validating each one again, by a writer checked against the contract (answer-writer.ts).
  // It gives UTF-8 bytes, which Fastify sends as they are, though its types expect a serializer to
  // give a string. Problems keep JSON.stringify: they may carry fields their schema leaves open.
  const answerWriter = compileAnswerWriter() as unknown as (answer: CheckResponse) => string;
  const serializerCompiler = ({ httpStatus }: { httpStatus?: string }) =>
    httpStatus === '200' ? answerWriter : (data: unknown) => JSON.stringify(data);

  app.get(
    '/api/public/check',
    {
      config: { access: 'public', rateLimit },
      validatorCompiler: checkQueryValidatorCompiler,
      serializerCompiler,
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
      serializerCompiler,
      schema: {
        tags: ['public'],
        summary:
          'The same check: JSON {q}, or multipart/form-data with an `image` (a photo of a payment QR code) and an optional `q`',
        // `q` is optional only for uploads; an empty check is refused below with the same code.
        body: CheckRequest.partial(),
        response: { ...responses, 413: Problem, 422: Problem },
      },
      // A multipart upload is read here, before the body's contract is checked.
      preValidation: async (request) => {
        if (!request.isMultipart()) return;
        let text = '';
        let image: Buffer | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            if (part.fieldname === 'image') image = bytes;
          } else if (part.fieldname === 'q' && typeof part.value === 'string') {
            text = part.value.slice(0, 5000);
          }
        }
        request.body = {};
        uploads.set(request, { text, image });
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const upload = uploads.get(request);
      if (upload?.image) return lookup.checkImage(upload.image, upload.text);
      const q = upload ? upload.text : (request.body.q ?? '');
      if (!q.trim()) {
        throw new AppError('validation.failed', 'Type something to check, or send a QR image', {
          errors: [{ path: 'body.q', message: 'check.empty' }],
        });
      }
      return lookup.check(q);
    },
  );

  app.post(
    '/api/check/batch',
    {
      config: { access: 'lookup.batch' },
      // 10,000 identifiers of up to 500 characters.
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: ['registry'],
        summary: 'Check up to 10,000 identifiers in one call (banks, telcos: API key with lookup:read)',
        body: BatchCheckRequest,
        response: { 200: BatchCheckResponse, 400: Problem, 401: Problem, 403: Problem, 413: Problem },
      },
    },
    async (request) => lookup.checkBatch(request.context, request.body.items),
  );
}
