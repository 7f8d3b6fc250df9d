import { Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { UpdateAgencyRequest, type Agency } from '@khien/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { useUpdateAgency } from './api';

interface Values {
  name: string;
  shortName: string;
  active: boolean;
}

const fields = ['name', 'shortName', 'active'] as const;

function changesOf(agency: Agency, values: Values): UpdateAgencyRequest {
  const changes: UpdateAgencyRequest = {};
  const name = values.name.trim();
  const shortName = values.shortName.trim();
  if (name !== agency.name) changes.name = name;
  if (shortName !== (agency.shortName ?? '')) changes.shortName = shortName === '' ? null : shortName;
  if (values.active !== agency.active) changes.active = values.active;
  return changes;
}

interface EditAgencyFormProps {
  agency: Agency;
  onSaved: (agency: Agency) => void;
  onCancel: () => void;
}

export function EditAgencyForm({ agency, onSaved, onCancel }: EditAgencyFormProps) {
  const { t } = useTranslation();
  const update = useUpdateAgency(agency.id);
  const form = useForm<Values>({
    initialValues: { name: agency.name, shortName: agency.shortName ?? '', active: agency.active },
    validate: schemaValidator(UpdateAgencyRequest, (values: Values) => changesOf(agency, values)),
  });

  const submit = form.onSubmit((values) => {
    const changes = changesOf(agency, values);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    update.mutate(UpdateAgencyRequest.parse(changes), {
      onSuccess: onSaved,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={update.error} fields={fields} />
        <TextInput
          label={t('agencies.name')}
          required
          data-autofocus
          data-testid="agency-edit-name"
          {...form.getInputProps('name')}
        />
        <TextInput label={t('agencies.shortName')} maxLength={50} {...form.getInputProps('shortName')} />
        <Switch
          label={t('agencies.activeLabel')}
          data-testid="agency-edit-active"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <FormActions
          submitLabel={t('common.save')}
          submitTestId="agency-edit-submit"
          pending={update.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
