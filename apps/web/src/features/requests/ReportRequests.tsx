import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestsPath } from '../../app/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoader } from '../../ui/PageLoader';
import { SectionCard } from '../../ui/SectionCard';
import { useCan } from '../auth/me-context';
import { formatVnd } from '../registry/format';
import { useRequests } from './api';
import { newRequestPath } from './links';
import { newRequestHref } from './prefill';
import { RequestTable } from './RequestTable';

/** The requests sent or received for a report, on the report's page, with a way to send another. */
export function ReportRequests({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const requests = useRequests({ box: 'all', reportId, limit: 50, offset: 0 });
  return (
    <SectionCard id="report-requests" title={t('requests.report.title')} testId="report-requests">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('requests.report.intro')}
        </Text>
        {requests.isPending ? (
          <PageLoader />
        ) : requests.isError ? (
          <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
        ) : requests.data.items.length === 0 ? (
          <Text c="dimmed">{t('requests.report.empty')}</Text>
        ) : (
          <RequestTable requests={requests.data.items} testId="report-request-table" compact />
        )}
        <Group gap="sm">
          {can('request.send') && (
            <Button
              component={Link}
              to={newRequestHref(newRequestPath, { reportId })}
              variant="default"
              size="sm"
              data-testid="report-request-new"
            >
              {t('requests.report.create')}
            </Button>
          )}
          {requests.data && requests.data.total > requests.data.items.length && (
            <Anchor component={Link} to={`${requestsPath}?box=all&reportId=${reportId}`} size="sm">
              {t('requests.report.all')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </SectionCard>
  );
}

/** The one-click hold request for a transfer of a report: the form opens with the account and amount. */
export function HoldRequestLink({
  reportId,
  bank,
  account,
  amountVnd,
}: {
  reportId: string;
  bank: string | null;
  account: string;
  amountVnd: number;
}) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={newRequestHref(newRequestPath, { type: 'hold', reportId, bank, account, amountVnd })}
      size="compact-sm"
      mt={4}
      variant="outline"
      color="red.9"
      aria-label={t('requests.report.holdLinkLabel', { account, amount: formatVnd(amountVnd) })}
      data-testid="report-transfer-hold"
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('requests.report.holdLink')}
    </Button>
  );
}
