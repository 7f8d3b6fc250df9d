import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateAgencyRequest, type Agency, type AgencyType, type ScopeLevel } from '@khien/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { optionalText, schemaValidator, serverFieldErrors } from '../../ui/messages';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { CommuneSelect } from '../reference/CommuneSelect';
import { ProvinceSelect } from '../reference/ProvinceSelect';
import { useCreateAgency } from './api';
import { AgencySelect } from './AgencySelect';
import { suggestedScope } from './labels';
import { useAgencyTypeOptions, useScopeOptions } from './options';

interface Values {
  name: string;
  shortName: string;
  type: AgencyType | null;
  scopeLevel: ScopeLevel | null;
  provinceCode: string | null;
  communeCode: string | null;
  parentId: string | null;
}

const fields = [
  'name',
  'shortName',
  'type',
  'scopeLevel',
  'provinceCode',
  'communeCode',
  'parentId',
] as const;

export function toCreateAgencyRequest(values: Values): Partial<CreateAgencyRequest> {
  const scope = values.scopeLevel;
  return {
    name: values.name.trim(),
    shortName: optionalText(values.shortName),
    type: values.type ?? undefined,
    scopeLevel: scope ?? undefined,
    provinceCode:
      scope === 'province' || scope === 'commune' ? (values.provinceCode ?? undefined) : undefined,
    communeCode: scope === 'commune' ? (values.communeCode ?? undefined) : undefined,
    parentId: values.parentId ?? undefined,
  };
}

const validateSchema = schemaValidator(CreateAgencyRequest, toCreateAgencyRequest);

interface CreateAgencyFormProps {
  onCreated: (agency: Agency) => void;
  onCancel: () => void;
}

export function CreateAgencyForm({ onCreated, onCancel }: CreateAgencyFormProps) {
  const { t } = useTranslation();
  const create = useCreateAgency();
  const typeOptions = useAgencyTypeOptions();
  const scopeOptions = useScopeOptions();
  const scopeChosen = useRef(false);

  const form = useForm<Values>({
    initialValues: {
      name: '',
      shortName: '',
      type: null,
      scopeLevel: null,
      provinceCode: null,
      communeCode: null,
      parentId: null,
    },
    validate: (values) => {
      const errors = validateSchema(values);
      // Which units a scope needs is a rule of the form, not of the request schema.
      if ((values.scopeLevel === 'province' || values.scopeLevel === 'commune') && !values.provinceCode) {
        errors.provinceCode ??= t('fieldErrors.required');
      }
      if (values.scopeLevel === 'commune' && !values.communeCode)
        errors.communeCode ??= t('fieldErrors.required');
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    create.mutate(CreateAgencyRequest.parse(toCreateAgencyRequest(values)), {
      onSuccess: onCreated,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    });
  });

  const scope = form.values.scopeLevel;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} fields={fields} />
        <TextInput
          label={t('agencies.name')}
          placeholder={t('agencies.namePlaceholder')}
          required
          data-autofocus
          data-testid="agency-name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('agencies.shortName')}
          description={t('common.optional')}
          maxLength={50}
          data-testid="agency-short-name"
          {...form.getInputProps('shortName')}
        />
        <SearchableSelect
          label={t('agencies.type')}
          placeholder={t('agencies.typePlaceholder')}
          required
          data={typeOptions}
          nothingFoundMessage={t('reference.nothingFound')}
          maxDropdownHeight={280}
          data-testid="agency-type"
          {...form.getInputProps('type')}
          onChange={(value) => {
            const type = value as AgencyType | null;
            form.setFieldValue('type', type);
            if (type && !scopeChosen.current) form.setFieldValue('scopeLevel', suggestedScope(type));
          }}
        />
        <SearchableSelect
          label={t('agencies.scope')}
          placeholder={t('agencies.scopePlaceholder')}
          required
          data={scopeOptions}
          data-testid="agency-scope"
          {...form.getInputProps('scopeLevel')}
          onChange={(value) => {
            scopeChosen.current = true;
            form.setFieldValue('scopeLevel', value as ScopeLevel | null);
          }}
        />
        {scope !== 'national' && (
          <ProvinceSelect
            required={scope === 'province' || scope === 'commune'}
            data-testid="agency-province"
            {...form.getInputProps('provinceCode')}
            onChange={(value: string | null) => {
              form.setFieldValue('provinceCode', value);
              form.setFieldValue('communeCode', null);
            }}
          />
        )}
        {scope === 'commune' && (
          <CommuneSelect
            required
            provinceCode={form.values.provinceCode}
            data-testid="agency-commune"
            {...form.getInputProps('communeCode')}
          />
        )}
        <AgencySelect
          label={t('agencies.parent')}
          description={t('common.optional')}
          placeholder={t('agencies.parentPlaceholder')}
          clearable
          data-testid="agency-parent"
          {...form.getInputProps('parentId')}
        />
        <FormActions
          submitLabel={t('agencies.create')}
          submitTestId="agency-submit"
          pending={create.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
