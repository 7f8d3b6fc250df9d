import { Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';

/** What an action form shows of its mutation: the server's error, and whether it is still running. */
export interface MutationState {
  error: unknown;
  isPending: boolean;
}

/** The frame every action form shares (reports, requests): its fields, the error, cancel and submit. */
export function ActionFrame({
  mutation,
  fields,
  onSubmit,
  onCancel,
  submitLabel,
  submitTestId,
  submitColor,
  children,
}: {
  mutation: MutationState;
  /** The form's field names: the server's errors on them are shown by the fields, not in the alert. */
  fields: readonly string[];
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  submitLabel: string;
  submitTestId: string;
  submitColor?: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {children}
        <ErrorAlert error={mutation.error} fields={fields} />
        <FormActions
          submitLabel={submitLabel}
          submitTestId={submitTestId}
          submitColor={submitColor}
          pending={mutation.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
