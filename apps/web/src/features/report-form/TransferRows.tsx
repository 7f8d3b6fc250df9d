import { Box, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { currentLocale } from '../../i18n';
import { CodeInput } from '../../ui/CodeInput';
import { groupDigits, sumAmounts, thousandsSeparator } from './amount';
import { AddRowButton } from './AddRowButton';
import { AmountInput } from './AmountInput';
import { focusField } from './focus';
import { RowRemoveButton } from './RowRemoveButton';
import { fieldId, transferRow, type ReportFormApi } from './requests';
import { citizenForm, useVariant, type FormVariant } from './variant';

const maxTransfers = 20;

interface TransfersProps {
  form: ReportFormApi;
  variant?: FormVariant;
}

/** One transfer: where the money went first (what the bank needs to act), then the victim's own account. */
function TransferFields({ form, index, variant }: Required<TransfersProps> & { index: number }) {
  const { word, rowTestId } = useVariant(variant);
  const path = (field: string) => `transfers.${index}.${field}`;
  const input = (field: string) => ({
    id: fieldId(path(field)),
    size: 'md' as const,
    ...form.getInputProps(path(field)),
  });
  const fromTitle = word('fromTitle');
  const fromHelp = word('fromHelp');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={word('toBank')}
          placeholder={word('toBankPlaceholder')}
          maxLength={100}
          data-testid={rowTestId('transfer', index, 'to-bank')}
          {...input('toBank')}
        />
        <CodeInput
          label={word('toAccount')}
          required
          maxLength={40}
          data-testid={rowTestId('transfer', index, 'to-account')}
          {...input('toAccount')}
        />
        <AmountInput
          label={word('amount')}
          required
          data-testid={rowTestId('transfer', index, 'amount')}
          {...input('amount')}
          value={form.values.transfers[index]?.amount ?? ''}
          onChange={(digits) => form.setFieldValue(path('amount'), digits)}
        />
        <TextInput
          label={word('at')}
          type="datetime-local"
          data-testid={rowTestId('transfer', index, 'at')}
          {...input('at')}
        />
        <TextInput
          label={word('reference')}
          description={word('referenceHelp')}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          data-testid={rowTestId('transfer', index, 'reference')}
          {...input('reference')}
        />
      </SimpleGrid>
      {/* The victim's own account: set apart, and said to be optional and kept confidential. */}
      <Box bg="gray.0" p="sm" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
        <Fieldset legend={fromTitle} variant="unstyled" styles={{ legend: { fontWeight: 700 } }}>
          {fromHelp && (
            <Text size="sm" mb="xs">
              {fromHelp}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={word('fromBank')} maxLength={100} {...input('fromBank')} />
            <CodeInput label={word('fromAccount')} maxLength={40} {...input('fromAccount')} />
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
export function TransferRows({ form, variant = citizenForm }: TransfersProps) {
  const { word, testId } = useVariant(variant);
  const rows = form.values.transfers;
  const sum = sumAmounts(rows.map((row) => row.amount));
  const edited = form.values.totalLossEdited;
  const grouped = (value: number) => groupDigits(String(value), thousandsSeparator(currentLocale()));
  const none = word('noTransfers');
  return (
    <Stack gap="md">
      <Text size="sm">{word('moneyHelp')}</Text>
      <Stack gap="md" id={fieldId('transfers')} tabIndex={-1}>
        {rows.length === 0 && none && (
          <Text size="sm" c="dimmed">
            {none}
          </Text>
        )}
        {rows.map((row, index) => (
          <Fieldset
            key={row.key}
            legend={word('transfer', { n: index + 1 })}
            radius="md"
            p="sm"
            data-testid={testId('transfer')}
          >
            <TransferFields form={form} index={index} variant={variant} />
            <Group justify="flex-end" mt="xs">
              <RowRemoveButton
                label={word('removeTransfer', { n: index + 1 })}
                text={word('remove')}
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
        label={word('addTransfer')}
        disabled={rows.length >= maxTransfers}
        onClick={() => {
          form.insertListItem('transfers', transferRow());
          focusField(`transfers.${rows.length}.toBank`);
        }}
        testId={testId('add-transfer')}
      />
      <Stack gap={4}>
        <AmountInput
          id={fieldId('totalLoss')}
          label={word('totalLoss')}
          description={
            edited && rows.length > 0 ? word('totalLossEdited', { sum: grouped(sum) }) : word('totalLossHelp')
          }
          size="md"
          error={form.errors.totalLoss}
          value={edited ? form.values.totalLoss : sum > 0 ? String(sum) : ''}
          onChange={(digits) => form.setValues({ totalLoss: digits, totalLossEdited: true })}
          data-testid={testId('total-loss')}
        />
        {edited && rows.length > 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            onClick={() => form.setValues({ totalLoss: '', totalLossEdited: false })}
          >
            {word('totalLossUseSum')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
