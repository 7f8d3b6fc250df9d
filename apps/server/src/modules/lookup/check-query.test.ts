import { CheckQuery } from '@khien/contracts';
import fc from 'fast-check';
import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { errorHandler } from '../../http/errors.js';
import { checkQueryValidatorCompiler } from './check-query.js';

const routeSchema = { schema: CheckQuery, method: 'GET', url: '/api/public/check', httpPart: 'querystring' };
const fast = checkQueryValidatorCompiler(routeSchema);
const zod = validatorCompiler(routeSchema);
const zodOf: typeof checkQueryValidatorCompiler = (def) =>
  validatorCompiler({ ...def, schema: def.schema as ZodType });

/** Strings near the contract's edges: blank, padded with white space of several kinds, about 5000 long. */
const edgy = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', 'a', 'ế') }),
  fc
    .tuple(fc.integer({ min: 4990, max: 5010 }), fc.constantFrom('', ' ', '\u00a0\n'))
    .map(([n, pad]) => `${pad}${'x'.repeat(n)}${pad}`),
);

describe('the public check querystring validator', () => {
  it('gives what zod gives, values and errors alike', () => {
    const data = fc.oneof(
      edgy.map((q) => ({ q })),
      fc.record(
        { q: fc.oneof(fc.array(edgy), fc.constant(undefined)), other: fc.string() },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(data, (query) => {
        expect(fast(query)).toEqual(zod(query));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers as with zod alone over HTTP: the same problems for invalid checks', async () => {
    const serve = async (compiler: typeof checkQueryValidatorCompiler) => {
      const app = Fastify();
      app.setErrorHandler(errorHandler);
      app.get('/check', { validatorCompiler: compiler, schema: { querystring: CheckQuery } }, (request) => ({
        query: request.query,
      }));
      await app.ready();
      return app;
    };
    const [withFastPath, withZod] = await Promise.all([
      serve(checkQueryValidatorCompiler),
      serve((routeSchema) => zodOf(routeSchema)),
    ]);
    const long = 'x'.repeat(5001);
    for (const url of [
      '/check',
      '/check?q=',
      '/check?q=%20%09',
      `/check?q=${long}`,
      '/check?q=a&q=b',
      '/check?q=+ab+',
    ]) {
      const [a, b] = await Promise.all([withFastPath.inject(url), withZod.inject(url)]);
      expect({ status: a.statusCode, type: a.headers['content-type'], body: a.body }).toEqual({
        status: b.statusCode,
        type: b.headers['content-type'],
        body: b.body,
      });
    }
    await Promise.all([withFastPath.close(), withZod.close()]);
  });
});
