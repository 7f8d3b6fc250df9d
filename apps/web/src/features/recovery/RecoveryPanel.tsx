import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { RecordReturnBody, type LedgerKind, type ReportRecovery } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CodeInput } from '../../ui/CodeInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { FormActions } from '../../ui/FormActions';
import { PageLoader } from '../../ui/PageLoader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { SectionCard } from '../../ui/SectionCard';
import { useCan } from '../auth/me-context';
import { AmountInput } from '../report-form/AmountInput';
import { formatVnd } from '../registry/format';
import { requestPath } from '../requests/links';
import { checkBody, serverErrors } from '../requests/validate';
import { useRecordReturn, useReportRecovery } from './api';
import { heldBanks, toReturnBody, type ReturnValues } from './format';
import { GoldenHourGrid, LedgerTotalsGrid } from './RecoveryFigures';
import { DataTable } from '../../ui/DataTable';

const kindColor: Record<LedgerKind, string> = {
  lost: 'red.9',
  held: 'teal.9',
  released: 'gray.7',
  returned: 'blue.9',
};

/**
 * A report's money: the ledger (lost, held, released, returned with the bank's confirmation), its totals
 * and the golden-hour measures; those who record returns record one here.
 */
export function RecoveryPanel({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const recovery = useReportRecovery(reportId);
  const [recording, setRecording] = useState(false);
  return (
    <SectionCard id="report-recovery" title={t('recovery.panel.title')} testId="report-recovery">
      {recovery.isPending ? (
        <PageLoader />
      ) : recovery.isError ? (
        <ErrorAlert error={recovery.error} onRetry={() => void recovery.refetch()} />
      ) : (
        <Stack gap="md">
          <LedgerTotalsGrid totals={recovery.data.totals} />
          <Stack gap={4}>
            <Text fw={700}>{t('recovery.golden.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('recovery.golden.help')}
            </Text>
          </Stack>
          <GoldenHourGrid
            reportToFirstHold={recovery.data.goldenHour.reportToFirstHoldMinutes}
            requestToFirstHeld={recovery.data.goldenHour.requestToFirstHeldMinutes}
            heldShare={recovery.data.goldenHour.heldShare}
            labels={{
              reportToFirstHold: t('recovery.golden.reportToFirstHold'),
              requestToFirstHeld: t('recovery.golden.requestToFirstHeld'),
              heldShare: t('recovery.golden.heldShare'),
            }}
          />
          <Text fw={700}>{t('recovery.panel.ledgerTitle')}</Text>
          <Ledger recovery={recovery.data} />
          {can('recovery.record') && (
            <Group>
              <Button
                variant="default"
                onClick={() => setRecording(true)}
                disabled={recovery.data.totals.stillHeldVnd <= 0}
                data-testid="recovery-return-open"
              >
                {t('recovery.record.open')}
              </Button>
              {recovery.data.totals.stillHeldVnd <= 0 && (
                <Text size="sm" c="dimmed">
                  {t('recovery.record.nothingHeld')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      )}
      <ResponsiveModal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('recovery.record.title')}
      >
        {recovery.data && (
          <ReturnForm
            reportId={reportId}
            recovery={recovery.data}
            onCancel={() => setRecording(false)}
            onDone={() => setRecording(false)}
          />
        )}
      </ResponsiveModal>
    </SectionCard>
  );
}

function Ledger({ recovery }: { recovery: ReportRecovery }) {
  const { t } = useTranslation();
  if (recovery.entries.length === 0) return <Text c="dimmed">{t('recovery.panel.empty')}</Text>;
  return (
    <DataTable
      minWidth={720}
      testId="recovery-ledger"
      label={t('recovery.panel.ledgerTitle')}
      head={
        <>
          <Table.Th scope="col">{t('recovery.panel.kind')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('recovery.panel.amount')}
          </Table.Th>
          <Table.Th scope="col">{t('recovery.panel.bank')}</Table.Th>
          <Table.Th scope="col">{t('recovery.panel.confirmation')}</Table.Th>
          <Table.Th scope="col">{t('recovery.panel.at')}</Table.Th>
          <Table.Th scope="col">{t('recovery.panel.note')}</Table.Th>
        </>
      }
    >
      {recovery.entries.map((entry) => (
        <Table.Tr key={entry.id} data-testid="recovery-entry" data-kind={entry.kind}>
          <Table.Td>
            <Badge variant="outline" color={kindColor[entry.kind]} tt="none" miw="max-content">
              {t(`recovery.kind.${entry.kind}`)}
            </Badge>
          </Table.Td>
          <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {formatVnd(entry.amountVnd)}
          </Table.Td>
          <Table.Td>{entry.bank ?? t('common.none')}</Table.Td>
          <Table.Td>
            <Text size="sm" className="khien-mono">
              {entry.confirmation ?? t('common.none')}
            </Text>
            {entry.requestId && (
              <Anchor component={Link} to={requestPath(entry.requestId)} size="xs">
                {t('recovery.panel.request')}
              </Anchor>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
          <Table.Td maw={240}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {entry.note ?? ''}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

const returnFields = ['amountVnd', 'bank', 'confirmation', 'note'] as const;
const fieldOf = (path: string) => {
  const head = path.split('.')[0] ?? path;
  return head === 'amountVnd' ? 'amount' : head;
};

/** Money a bank paid back to the victim, with its confirmation: no more than is still held. */
function ReturnForm({
  reportId,
  recovery,
  onCancel,
  onDone,
}: {
  reportId: string;
  recovery: ReportRecovery;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordReturn(reportId);
  const still = recovery.totals.stillHeldVnd;
  const form = useForm<ReturnValues>({
    initialValues: {
      amount: '',
      bank: heldBanks(recovery.entries)[0] ?? '',
      confirmation: '',
      note: '',
    },
    validate: (values) => {
      const errors = checkBody(RecordReturnBody, toReturnBody(values), fieldOf);
      if (!errors.amount && (toReturnBody(values).amountVnd ?? 0) > still)
        errors.amount = t('errors.request.ledger_more_than_held');
      return errors;
    },
  });
  const submit = form.onSubmit((values) => {
    const body = RecordReturnBody.parse(toReturnBody(values));
    record.mutate(body, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('recovery.record.done', { amount: formatVnd(body.amountVnd) }),
        });
        onDone();
      },
      onError: (error) => form.setErrors(serverErrors(error, fieldOf)),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('recovery.record.intro')}</Text>
        <AmountInput
          label={t('recovery.record.amount')}
          description={t('recovery.record.amountHelp', { amount: formatVnd(still) })}
          required
          data-autofocus
          data-testid="recovery-return-amount"
          {...form.getInputProps('amount')}
          value={form.values.amount}
          onChange={(digits) => form.setFieldValue('amount', digits)}
        />
        <TextInput
          label={t('recovery.record.bank')}
          required
          maxLength={100}
          data-testid="recovery-return-bank"
          {...form.getInputProps('bank')}
        />
        <CodeInput
          label={t('recovery.record.confirmation')}
          description={t('recovery.record.confirmationHelp')}
          required
          maxLength={100}
          data-testid="recovery-return-confirmation"
          {...form.getInputProps('confirmation')}
        />
        <Textarea
          label={t('recovery.record.note')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <ErrorAlert error={record.error} fields={returnFields} />
        <FormActions
          submitLabel={t('recovery.record.submit')}
          submitTestId="recovery-return-submit"
          pending={record.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
