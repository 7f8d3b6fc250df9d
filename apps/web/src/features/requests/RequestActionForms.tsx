import { NumberInput, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ReasonBody, RenewHoldBody, type AgencyRequestDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ActionFrame } from '../../ui/ActionFrame';

export { ActionFrame };
import { useCancelRequest, useRefuseRequest, useRenewHold } from './api';
import { keyedSubmit, useSubmissionKey } from './useSubmissionKey';
import { checkBody } from './validate';

export interface ActionFormProps {
  request: AgencyRequestDetail;
  onDone: (request: AgencyRequestDetail) => void;
  onCancel: () => void;
}

const same = (path: string) => path.split('.')[0] ?? path;
const reasonFields = ['reason'] as const;

/** Refuses (the recipient) or cancels (the sender) an open request, with the reason. */
export function ReasonForm({
  request,
  onDone,
  onCancel,
  kind,
}: ActionFormProps & { kind: 'refuse' | 'cancel' }) {
  const { t } = useTranslation();
  const refuse = useRefuseRequest(request.id);
  const cancel = useCancelRequest(request.id);
  const mutation = kind === 'refuse' ? refuse : cancel;
  const key = useSubmissionKey();
  const form = useForm({
    initialValues: { reason: '' },
    validate: (values) => checkBody(ReasonBody, { reason: values.reason.trim() }, same),
  });
  const submit = keyedSubmit(
    form,
    mutation,
    key,
    (values) => ({ reason: values.reason.trim() }),
    same,
    onDone,
  );
  return (
    <ActionFrame
      mutation={mutation}
      fields={reasonFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t(
        kind === 'refuse' ? 'requests.reasonForm.refuseSubmit' : 'requests.reasonForm.cancelSubmit',
      )}
      submitTestId={`request-${kind}-submit`}
      submitColor="red"
    >
      <Text size="sm">
        {t(kind === 'refuse' ? 'requests.reasonForm.refuseIntro' : 'requests.reasonForm.cancelIntro')}
      </Text>
      <Textarea
        label={t('requests.reasonForm.reason')}
        description={t('requests.reasonForm.reasonHelp')}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        data-autofocus
        data-testid={`request-${kind}-reason`}
        {...form.getInputProps('reason')}
      />
    </ActionFrame>
  );
}

const renewFields = ['hours', 'reason'] as const;

/** The sender keeps an active hold in force for more hours, with the reason. */
export function RenewForm({ request, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const renew = useRenewHold(request.id);
  const key = useSubmissionKey();
  const toBody = (values: { hours: number | string; reason: string }) => ({
    hours: Number(values.hours),
    reason: values.reason.trim(),
  });
  const form = useForm<{ hours: number | string; reason: string }>({
    initialValues: { hours: 72, reason: '' },
    validate: (values) => checkBody(RenewHoldBody, toBody(values), same),
  });
  const submit = keyedSubmit(form, renew, key, toBody, same, onDone);
  return (
    <ActionFrame
      mutation={renew}
      fields={renewFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('requests.renewForm.submit')}
      submitTestId="request-renew-submit"
    >
      {request.holdExpiresAt && (
        <Text size="sm">
          {t('requests.renewForm.intro', { date: formatDateTime(request.holdExpiresAt) })}
        </Text>
      )}
      <NumberInput
        label={t('requests.renewForm.hours')}
        description={t('requests.renewForm.hoursHelp')}
        required
        min={1}
        max={720}
        allowDecimal={false}
        allowNegative={false}
        maw={240}
        data-autofocus
        data-testid="request-renew-hours"
        {...form.getInputProps('hours')}
      />
      <Textarea
        label={t('requests.renewForm.reason')}
        description={t('requests.reasonForm.reasonHelp')}
        required
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        data-testid="request-renew-reason"
        {...form.getInputProps('reason')}
      />
    </ActionFrame>
  );
}
