import { Anchor, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoader } from '../../ui/PageLoader';

/** "Not there, or not yours": the server answers both alike (and a malformed id is refused as invalid). */
const notFoundCodes = ['not_found', 'validation.failed', 'case.not_found'];

/** The link back to a list, above a page's title. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      ← {label}
    </Anchor>
  );
}

/** One record's page: a loader, "not found" in words or the error with a retry, then the record. */
export function DetailQuery<T>({
  query,
  notFound,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  notFound: string;
  back: { to: string; label: string };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Stack>
        {notFoundCodes.some((code) => isApiError(query.error, code)) ? (
          <Text>{notFound}</Text>
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
        <BackLink {...back} />
      </Stack>
    );
  }
  return (
    <>
      <BackLink {...back} />
      {children(query.data)}
    </>
  );
}

/** A record's code in a table, opening it. */
export function CodeLink({ to, code, testId }: { to: string; code: string; testId: string }) {
  return (
    <Text
      component={Link}
      to={to}
      fw={700}
      c="blue.9"
      td="underline"
      className="khien-mono"
      style={{ whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {code}
    </Text>
  );
}
