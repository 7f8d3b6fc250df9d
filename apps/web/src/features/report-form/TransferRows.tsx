import { Box, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { groupDigits, sumAmounts, thousandsSeparator } from './amount';
import { AddRowButton } from './AddRowButton';
import { AmountInput } from './AmountInput';
import { focusField } from './focus';
import { RowRemoveButton } from './RowRemoveButton';
import { fieldId, transferRow, type ReportFormApi } from './requests';

const maxTransfers = 20;

/** One transfer: where the money went first (what the bank needs to act), then the victim's own account. */
function TransferFields({ form, index }: { form: ReportFormApi; index: number }) {
  const { t } = useTranslation();
  const path = (field: string) => `transfers.${index}.${field}`;
  const input = (field: string) => ({
    id: fieldId(path(field)),
    size: 'md' as const,
    ...form.getInputProps(path(field)),
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('reportForm.toBank')}
          placeholder={t('reportForm.toBankPlaceholder')}
          maxLength={100}
          data-testid="report-transfer-to-bank"
          {...input('toBank')}
        />
        <TextInput
          label={t('reportForm.toAccount')}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          classNames={{ input: 'khien-mono' }}
          data-testid="report-transfer-to-account"
          {...input('toAccount')}
        />
        <AmountInput
          label={t('reportForm.amount')}
          required
          data-testid="report-transfer-amount"
          {...input('amount')}
          value={form.values.transfers[index]?.amount ?? ''}
          onChange={(digits) => form.setFieldValue(path('amount'), digits)}
        />
        <TextInput
          label={t('reportForm.at')}
          type="datetime-local"
          data-testid="report-transfer-at"
          {...input('at')}
        />
        <TextInput
          label={t('reportForm.reference')}
          description={t('reportForm.referenceHelp')}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          data-testid="report-transfer-reference"
          {...input('reference')}
        />
      </SimpleGrid>
      {/* The victim's own account: set apart, and said to be optional and kept confidential. */}
      <Box bg="gray.0" p="sm" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
        <Fieldset
          legend={t('reportForm.fromTitle')}
          variant="unstyled"
          styles={{ legend: { fontWeight: 700 } }}
        >
          <Text size="sm" mb="xs">
            {t('reportForm.fromHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('reportForm.fromBank')} maxLength={100} {...input('fromBank')} />
            <TextInput
              label={t('reportForm.fromAccount')}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              classNames={{ input: 'khien-mono' }}
              {...input('fromAccount')}
            />
          </SimpleGrid>
        </Fieldset>
      </Box>
    </Stack>
  );
}

/**
 * The transfers, added one by one, and the total loss: the sum of the transfers until the citizen types
 * another amount (money handed over in cash or by card is not a transfer).
 */
export function TransferRows({ form }: { form: ReportFormApi }) {
  const { t } = useTranslation();
  const rows = form.values.transfers;
  const sum = sumAmounts(rows.map((row) => row.amount));
  const edited = form.values.totalLossEdited;
  const grouped = (value: number) => groupDigits(String(value), thousandsSeparator(currentLocale()));
  return (
    <Stack gap="md">
      <Text size="sm">{t('reportForm.moneyHelp')}</Text>
      <Stack gap="md" id={fieldId('transfers')} tabIndex={-1}>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('reportForm.noTransfers')}
          </Text>
        )}
        {rows.map((row, index) => (
          <Fieldset
            key={row.key}
            legend={t('reportForm.transfer', { n: index + 1 })}
            radius="md"
            p="sm"
            data-testid="report-transfer"
          >
            <TransferFields form={form} index={index} />
            <Group justify="flex-end" mt="xs">
              <RowRemoveButton
                label={t('reportForm.removeTransfer', { n: index + 1 })}
                text={t('reportForm.remove')}
                onClick={() => {
                  form.removeListItem('transfers', index);
                  focusField(index > 0 ? `transfers.${index - 1}.toBank` : 'transfers');
                }}
              />
            </Group>
          </Fieldset>
        ))}
        {form.errors.transfers && (
          <Text size="sm" c="red.8" role="alert">
            {form.errors.transfers}
          </Text>
        )}
      </Stack>
      <AddRowButton
        label={t('reportForm.addTransfer')}
        disabled={rows.length >= maxTransfers}
        onClick={() => {
          form.insertListItem('transfers', transferRow());
          focusField(`transfers.${rows.length}.toBank`);
        }}
        testId="report-add-transfer"
      />
      <Stack gap={4}>
        <AmountInput
          id={fieldId('totalLoss')}
          label={t('reportForm.totalLoss')}
          description={
            edited && rows.length > 0
              ? t('reportForm.totalLossEdited', { sum: grouped(sum) })
              : t('reportForm.totalLossHelp')
          }
          size="md"
          error={form.errors.totalLoss}
          value={edited ? form.values.totalLoss : sum > 0 ? String(sum) : ''}
          onChange={(digits) => form.setValues({ totalLoss: digits, totalLossEdited: true })}
          data-testid="report-total-loss"
        />
        {edited && rows.length > 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            onClick={() => form.setValues({ totalLoss: '', totalLossEdited: false })}
          >
            {t('reportForm.totalLossUseSum')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
