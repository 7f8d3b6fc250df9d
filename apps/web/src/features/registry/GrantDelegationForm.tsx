import { Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateDelegationRequest, type Delegation } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { SearchableMultiSelect } from '../../ui/SearchableMultiSelect';
import { AgencySelect } from '../agencies/AgencySelect';
import { useCurrentMe } from '../auth/me-context';
import { useGrantDelegation } from './api';
import { useKindOptions } from './labels';
import { emptyDelegation, toDelegationRequest, type DelegationValues } from './requests';

const fields = ['delegateAgencyId', 'kinds', 'reason'] as const;

const checkRequest = schemaValidator(CreateDelegationRequest, toDelegationRequest);

interface GrantDelegationFormProps {
  onGranted: (delegation: Delegation) => void;
  onCancel: () => void;
}

/** Lets another agency decide on entries of some kinds: the agency, the kinds, and the reason (audited). */
export function GrantDelegationForm({ onGranted, onCancel }: GrantDelegationFormProps) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const grant = useGrantDelegation();
  const kindOptions = useKindOptions();
  const form = useForm<DelegationValues>({
    initialValues: emptyDelegation,
    validate: (values) => {
      const errors = checkRequest(values);
      // The server answers "not found" for the own agency: said here in words.
      if (values.delegateAgencyId === me.agency.id) errors.delegateAgencyId = t('delegations.ownAgency');
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    grant.mutate(CreateDelegationRequest.parse(toDelegationRequest(values)), {
      onSuccess: onGranted,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={grant.error} fields={fields} />
        <AgencySelect
          label={t('delegations.agency')}
          placeholder={t('delegations.agencyPlaceholder')}
          required
          data-autofocus
          data-testid="delegation-agency"
          {...form.getInputProps('delegateAgencyId')}
        />
        <SearchableMultiSelect
          label={t('delegations.kinds')}
          description={t('delegations.kindsHelp')}
          placeholder={t('delegations.kindsPlaceholder')}
          required
          data={kindOptions}
          nothingFoundMessage={t('reference.nothingFound')}
          hidePickedOptions
          data-testid="delegation-kinds"
          {...form.getInputProps('kinds')}
        />
        <Textarea
          label={t('delegations.reason')}
          description={t('delegations.reasonHelp')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          data-testid="delegation-reason"
          {...form.getInputProps('reason')}
        />
        <FormActions
          submitLabel={t('delegations.submit')}
          submitTestId="delegation-submit"
          pending={grant.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
