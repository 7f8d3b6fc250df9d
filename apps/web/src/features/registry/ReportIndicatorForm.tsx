import { Group, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateIndicatorRequest, type Indicator } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator } from '../../ui/messages';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { currentLanguage } from '../../i18n';
import { useReportIndicator } from './api';
import { useKindOptions, useMethodOptions, useSharingOptions } from './labels';
import { emptyReport, toReportRequest, type ReportValues } from './requests';
import { identifierFieldErrors } from './errors';

const fields = ['input', 'kind', 'scamMethod', 'lossVnd', 'evidenceUrl', 'note', 'sharing'] as const;

const validateSchema = schemaValidator(CreateIndicatorRequest, toReportRequest);

interface ReportIndicatorFormProps {
  onReported: (indicator: Indicator) => void;
  onCancel: () => void;
}

export function ReportIndicatorForm({ onReported, onCancel }: ReportIndicatorFormProps) {
  const { t } = useTranslation();
  const report = useReportIndicator();
  const kindOptions = useKindOptions();
  const methodOptions = useMethodOptions();
  const sharingOptions = useSharingOptions();
  const vietnamese = currentLanguage() === 'vi';

  const form = useForm<ReportValues>({
    initialValues: emptyReport,
    validate: (values) => {
      const errors = validateSchema(values);
      if (errors.evidenceUrl) errors.evidenceUrl = t('indicators.evidenceUrlInvalid');
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    report.mutate(CreateIndicatorRequest.parse(toReportRequest(values)), {
      onSuccess: onReported,
      onError: (error) => form.setErrors(identifierFieldErrors(error, fields)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={report.error} fields={fields} />
        <TextInput
          label={t('indicators.input')}
          description={t('indicators.inputHelp')}
          placeholder={t('indicators.inputPlaceholder')}
          required
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          data-testid="indicator-input"
          {...form.getInputProps('input')}
        />
        <SearchableSelect
          label={t('indicators.kind')}
          description={t('indicators.kindHelp')}
          placeholder={t('indicators.kindAuto')}
          data={kindOptions}
          clearable
          nothingFoundMessage={t('reference.nothingFound')}
          data-testid="indicator-kind"
          {...form.getInputProps('kind')}
        />
        <SearchableSelect
          label={t('indicators.method')}
          description={t('common.optional')}
          placeholder={t('indicators.methodPlaceholder')}
          data={methodOptions}
          clearable
          maxDropdownHeight={280}
          nothingFoundMessage={t('reference.nothingFound')}
          data-testid="indicator-method"
          {...form.getInputProps('scamMethod')}
        />
        <NumberInput
          label={t('indicators.lossLabel')}
          description={t('indicators.lossHelp')}
          min={0}
          max={1e13}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={vietnamese ? '.' : ','}
          decimalSeparator={vietnamese ? ',' : '.'}
          suffix=" ₫"
          data-testid="indicator-loss"
          {...form.getInputProps('lossVnd')}
        />
        <TextInput
          label={t('indicators.evidenceUrl')}
          description={t('indicators.evidenceUrlHelp')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://"
          data-testid="indicator-evidence"
          {...form.getInputProps('evidenceUrl')}
        />
        <Textarea
          label={t('indicators.note')}
          description={t('common.optional')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          data-testid="indicator-note"
          {...form.getInputProps('note')}
        />
        <Radio.Group
          label={t('indicators.sharing')}
          description={t('indicators.sharingHelp')}
          data-testid="indicator-sharing"
          {...form.getInputProps('sharing')}
        >
          <Group mt="xs" gap="lg">
            {sharingOptions.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Radio.Group>
        <FormActions
          submitLabel={t('indicators.submit')}
          submitTestId="indicator-submit"
          pending={report.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
