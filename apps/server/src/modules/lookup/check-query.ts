import { CheckQuery } from '@khien/contracts';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

// The contract's rule for `q`: a string, trimmed, then between these lengths. Read from the schema so
// that the fast path below follows the contract when its limits change.
const MIN = CheckQuery.shape.q.minLength ?? 0;
const MAX = CheckQuery.shape.q.maxLength ?? Infinity;

/**
 * The public check's querystring validator: a valid `q` (nearly every check) is accepted here with the
 * value zod would give, without running zod (a measurable share of a check's cost); anything else goes to
 * zod's validator, so invalid input gets the very same errors and problem+json answers. check-query.test.ts
 * holds the two to the same results, so a rule added to the contract fails it until it is added here.
 * Typed for any schema, as a route's own compiler must be; the app's schemas are all zod's.
 */
export const checkQueryValidatorCompiler: FastifySchemaCompiler<unknown> = (routeSchema) => {
  const validate = validatorCompiler({ ...routeSchema, schema: routeSchema.schema as ZodType });
  if (routeSchema.schema !== CheckQuery) return validate;
  return (data: { q?: unknown }) => {
    const q = data.q;
    if (typeof q === 'string') {
      const trimmed = q.trim();
      if (trimmed.length >= MIN && trimmed.length <= MAX) return { value: { q: trimmed } };
    }
    return validate(data);
  };
};
