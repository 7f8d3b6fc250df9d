import { NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiKeyScope, CreateApiKeyRequest, type CreatedApiKey } from '@khien/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { SearchableMultiSelect } from '../../ui/SearchableMultiSelect';
import { useCreateApiKey } from './api';
import { scopeLabelKey } from './labels';

interface Values {
  name: string;
  scopes: string[];
  expiresInDays: number | string;
}

const fields = ['name', 'scopes', 'expiresInDays'] as const;

function toRequest(values: Values) {
  return {
    name: values.name.trim(),
    scopes: values.scopes,
    expiresInDays: values.expiresInDays === '' ? undefined : Number(values.expiresInDays),
  };
}

interface CreateApiKeyFormProps {
  agencyId: string;
  onCreated: (key: CreatedApiKey) => void;
  onCancel: () => void;
}

export function CreateApiKeyForm({ agencyId, onCreated, onCancel }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const create = useCreateApiKey(agencyId);
  const validateSchema = schemaValidator(CreateApiKeyRequest, toRequest);
  const form = useForm<Values>({
    initialValues: { name: '', scopes: [], expiresInDays: 365 },
    validate: (values) => {
      const errors = validateSchema(values);
      if (errors.expiresInDays)
        errors.expiresInDays = t('fieldErrors.numberRange', { minimum: 1, maximum: 730 });
      return errors;
    },
  });
  const scopeOptions = ApiKeyScope.options.map((value) => ({
    value,
    label: `${t(scopeLabelKey(value))} (${value})`,
  }));

  const submit = form.onSubmit((values) =>
    create.mutate(CreateApiKeyRequest.parse(toRequest(values)), {
      onSuccess: onCreated,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} fields={fields} />
        <TextInput
          label={t('apiKeys.name')}
          placeholder={t('apiKeys.namePlaceholder')}
          required
          data-autofocus
          data-testid="apikey-name"
          {...form.getInputProps('name')}
        />
        <SearchableMultiSelect
          label={t('apiKeys.scopes')}
          placeholder={t('apiKeys.scopesPlaceholder')}
          data={scopeOptions}
          nothingFoundMessage={t('reference.nothingFound')}
          required
          data-testid="apikey-scopes"
          {...form.getInputProps('scopes')}
        />
        <NumberInput
          label={t('apiKeys.expiresInDays')}
          description={t('apiKeys.expiresHelp')}
          min={1}
          max={730}
          allowDecimal={false}
          allowNegative={false}
          data-testid="apikey-expires"
          {...form.getInputProps('expiresInDays')}
        />
        <FormActions
          submitLabel={t('apiKeys.create')}
          submitTestId="apikey-submit"
          pending={create.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
