import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

/** The one submit button of a public form: large, as wide as a phone's screen, and never narrow beside it. */
export function SubmitButton({
  loading,
  testId,
  minWidth = 220,
  children,
}: {
  loading: boolean;
  testId: string;
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <Button
      type="submit"
      size="lg"
      loading={loading}
      w={{ base: '100%', xs: 'auto' }}
      miw={{ xs: minWidth }}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
