import { Alert, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ChangeIndicatorStatusRequest, type IndicatorDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { useChangeIndicatorStatus } from './api';
import { useSharingOptions } from './labels';
import { toStatusRequest, type StatusValues } from './requests';
import type { TargetStatus } from './status';

const fields = ['reason', 'sharing'] as const;

interface ChangeStatusFormProps {
  indicator: IndicatorDetail;
  target: TargetStatus;
  onChanged: () => void;
  onCancel: () => void;
}

/** A decision on an entry: the new status, the reason (kept in the history), and optionally new sharing. */
export function ChangeStatusForm({ indicator, target, onChanged, onCancel }: ChangeStatusFormProps) {
  const { t } = useTranslation();
  const change = useChangeIndicatorStatus(indicator.id);
  const sharingOptions = useSharingOptions().filter((option) => option.value !== indicator.sharing);
  const validate = schemaValidator(ChangeIndicatorStatusRequest, (values: StatusValues) =>
    toStatusRequest(target, values),
  );
  const form = useForm<StatusValues>({ initialValues: { reason: '', sharing: '' }, validate });
  const sharing = form.values.sharing || indicator.sharing;

  const submit = form.onSubmit((values) =>
    change.mutate(toStatusRequest(target, values), {
      onSuccess: onChanged,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={change.error} fields={fields} />
        <Textarea
          label={t('indicators.reason')}
          description={t('indicators.reasonHelp')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          data-autofocus
          data-testid="indicator-reason"
          {...form.getInputProps('reason')}
        />
        <Radio.Group
          label={t('indicators.sharingChange')}
          data-testid="indicator-sharing-change"
          {...form.getInputProps('sharing')}
        >
          <Stack mt="xs" gap="xs">
            <Radio
              value=""
              label={t('indicators.keepSharing', { sharing: t(`sharing.${indicator.sharing}`) })}
            />
            {sharingOptions.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
        {target === 'confirmed_scam' && sharing === 'public' && (
          <Alert color="orange" variant="light">
            {t('indicators.confirmPublicWarning')}
          </Alert>
        )}
        <FormActions
          submitLabel={t('indicators.statusSubmit')}
          submitTestId="indicator-status-submit"
          pending={change.isPending}
          onCancel={onCancel}
          submitColor={target === 'confirmed_scam' ? 'red' : undefined}
        />
      </Stack>
    </form>
  );
}
