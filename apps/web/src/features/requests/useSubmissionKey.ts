import { useRef } from 'react';
import type { FormEvent } from 'react';
import { SubmissionKey } from './idempotency';
import { serverErrors } from './validate';

/** A form's idempotency keys, kept across renders (and retries) of the form. */
export function useSubmissionKey(): SubmissionKey {
  const key = useRef<SubmissionKey | null>(null);
  key.current ??= new SubmissionKey();
  return key.current;
}

/** A write sent with an idempotency key: a mutation taking `{ body, key }`. */
interface KeyedMutation<B, T> {
  mutate(
    variables: { body: B; key: string },
    options: { onSuccess: (answer: T) => void; onError: (error: unknown) => void },
  ): void;
}

/**
 * Sends a form's body with this submission's key (the same key again for a retry of the same body); the
 * key is spent once the server has taken it.
 */
export function sendOnce<B, T>(
  mutation: KeyedMutation<B, T>,
  key: SubmissionKey,
  body: B,
  handlers: { onSuccess: (answer: T) => void; onError?: (error: unknown) => void },
): void {
  mutation.mutate(
    { body, key: key.for(body) },
    {
      onSuccess: (answer) => {
        key.done();
        handlers.onSuccess(answer);
      },
      // Without a handler, the error is the mutation's to show (ActionFrame, ErrorAlert).
      onError: (error) => handlers.onError?.(error),
    },
  );
}

/**
 * A form's submit handler: the values turned into the body and sent once with the submission's key; the
 * answer to `onDone`, the server's field errors to the form's fields.
 */
export function keyedSubmit<V, B, T>(
  form: {
    onSubmit: (handler: (values: V) => void) => (event?: FormEvent<HTMLFormElement>) => void;
    setErrors: (errors: Record<string, string>) => void;
  },
  mutation: KeyedMutation<B, T>,
  key: SubmissionKey,
  toBody: (values: V) => B,
  fieldOf: (path: string) => string,
  onDone: (answer: T) => void,
): (event?: FormEvent<HTMLFormElement>) => void {
  return form.onSubmit((values) =>
    sendOnce(mutation, key, toBody(values), {
      onSuccess: onDone,
      onError: (error) => form.setErrors(serverErrors(error, fieldOf)),
    }),
  );
}
