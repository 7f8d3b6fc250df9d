import { Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeInput } from '../../ui/CodeInput';
import { AddRowButton } from './AddRowButton';
import { focusField } from './focus';
import { RowRemoveButton } from './RowRemoveButton';
import { fieldId, identifierRow, type ReportFormApi } from './requests';

const maxIdentifiers = 20;

/** The scammer's numbers, accounts, links…, one per row, as the citizen saw them. */
export function IdentifierRows({ form, prefilled }: { form: ReportFormApi; prefilled: boolean }) {
  const { t } = useTranslation();
  const rows = form.values.identifiers;
  return (
    <Stack gap="sm" id={fieldId('identifiers')} tabIndex={-1}>
      <Text size="sm">{t('reportForm.identifiersHelp')}</Text>
      {prefilled && (
        <Text size="sm" fw={600} c="blue.9">
          {t('reportForm.prefilled')}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
          <CodeInput
            id={fieldId(`identifiers.${index}.value`)}
            label={t('reportForm.identifier', { n: index + 1 })}
            placeholder={t('reportForm.identifierPlaceholder')}
            size="md"
            maxLength={500}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="report-identifier"
            {...form.getInputProps(`identifiers.${index}.value`)}
          />
          {rows.length > 1 && (
            <RowRemoveButton
              label={t('reportForm.removeIdentifier', { n: index + 1 })}
              text={t('reportForm.remove')}
              onClick={() => {
                form.removeListItem('identifiers', index);
                focusField(`identifiers.${Math.max(0, index - 1)}.value`);
              }}
            />
          )}
        </Group>
      ))}
      {form.errors.identifiers && (
        <Text size="sm" c="red.8" role="alert">
          {form.errors.identifiers}
        </Text>
      )}
      <AddRowButton
        label={t('reportForm.addIdentifier')}
        disabled={rows.length >= maxIdentifiers}
        onClick={() => {
          form.insertListItem('identifiers', identifierRow());
          focusField(`identifiers.${rows.length}.value`);
        }}
        testId="report-add-identifier"
      />
    </Stack>
  );
}

/**
 * The same identifiers in one box, a line each, as staff copy them from a call or a letter. Each line is a
 * row of the form, so the request and its errors are the rows' own.
 */
export function IdentifierLines({
  form,
  label,
  description,
  testId,
}: {
  form: ReportFormApi;
  label: string;
  description: string;
  testId: string;
}) {
  const rows = form.values.identifiers;
  const rowErrors = rows.map((_, index) => `identifiers.${index}.value`);
  const rowError = rowErrors.map((path) => form.errors[path]).find(Boolean);
  return (
    <Textarea
      id={fieldId('identifiers')}
      label={label}
      description={description}
      autosize
      minRows={3}
      maxRows={10}
      spellCheck={false}
      autoComplete="off"
      classNames={{ input: 'khien-mono' }}
      data-testid={testId}
      value={rows.map((row) => row.value).join('\n')}
      error={form.errors.identifiers ?? rowError}
      onChange={(event) => {
        rowErrors.forEach((path) => form.clearFieldError(path));
        form.setFieldValue('identifiers', event.currentTarget.value.split('\n').map(identifierRow));
      }}
    />
  );
}
