import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateAllowlistEntryRequest, type AllowlistEntry } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator } from '../../ui/messages';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { useAddToAllowlist } from './api';
import { useCategoryOptions, useKindOptions } from './labels';
import { toAllowlistRequest, type AllowlistValues } from './requests';
import { identifierFieldErrors } from './errors';

const fields = ['input', 'kind', 'organisation', 'category', 'note'] as const;

const validate = schemaValidator(CreateAllowlistEntryRequest, toAllowlistRequest);

interface AddAllowlistFormProps {
  onAdded: (entry: AllowlistEntry) => void;
  onCancel: () => void;
}

export function AddAllowlistForm({ onAdded, onCancel }: AddAllowlistFormProps) {
  const { t } = useTranslation();
  const add = useAddToAllowlist();
  const kindOptions = useKindOptions();
  const categoryOptions = useCategoryOptions();
  const form = useForm<AllowlistValues>({
    initialValues: { input: '', kind: null, organisation: '', category: null, note: '' },
    validate,
  });

  const submit = form.onSubmit((values) =>
    add.mutate(CreateAllowlistEntryRequest.parse(toAllowlistRequest(values)), {
      onSuccess: onAdded,
      onError: (error) => form.setErrors(identifierFieldErrors(error, fields)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={add.error} fields={fields} />
        <TextInput
          label={t('allowlist.input')}
          description={t('allowlist.inputHelp')}
          required
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          data-testid="allowlist-input"
          {...form.getInputProps('input')}
        />
        <SearchableSelect
          label={t('allowlist.kind')}
          description={t('indicators.kindHelp')}
          placeholder={t('indicators.kindAuto')}
          data={kindOptions}
          clearable
          nothingFoundMessage={t('reference.nothingFound')}
          data-testid="allowlist-kind"
          {...form.getInputProps('kind')}
        />
        <TextInput
          label={t('allowlist.organisation')}
          placeholder={t('allowlist.organisationPlaceholder')}
          required
          maxLength={200}
          data-testid="allowlist-organisation"
          {...form.getInputProps('organisation')}
        />
        <SearchableSelect
          label={t('allowlist.category')}
          placeholder={t('allowlist.categoryPlaceholder')}
          required
          data={categoryOptions}
          nothingFoundMessage={t('reference.nothingFound')}
          data-testid="allowlist-category-input"
          {...form.getInputProps('category')}
        />
        <TextInput
          label={t('allowlist.note')}
          description={t('common.optional')}
          maxLength={1000}
          data-testid="allowlist-note"
          {...form.getInputProps('note')}
        />
        <FormActions
          submitLabel={t('allowlist.submit')}
          submitTestId="allowlist-submit"
          pending={add.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
