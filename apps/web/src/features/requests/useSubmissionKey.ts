import { useRef } from 'react';
import { SubmissionKey } from './idempotency';

/** A form's idempotency keys, kept across renders (and retries) of the form. */
export function useSubmissionKey(): SubmissionKey {
  const key = useRef<SubmissionKey | null>(null);
  key.current ??= new SubmissionKey();
  return key.current;
}
