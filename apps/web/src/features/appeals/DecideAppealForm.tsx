import { Alert, Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { DecideAppealRequest, type AppealDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { useDecideAppeal } from './api';
import { toDecisionRequest, type DecisionValues } from './requests';

const fields = ['decision', 'reason'] as const;

const validate = schemaValidator(DecideAppealRequest, toDecisionRequest);

/** Uphold (the listing is cleared at once) or reject, with the reason the appellant will read. */
export function DecideAppealForm({ appeal }: { appeal: AppealDetail }) {
  const { t } = useTranslation();
  const decide = useDecideAppeal(appeal.id);
  const form = useForm<DecisionValues>({ initialValues: { decision: '', reason: '' }, validate });

  const submit = form.onSubmit((values) => {
    const request = DecideAppealRequest.parse(toDecisionRequest(values));
    decide.mutate(request, {
      onSuccess: () =>
        notifications.show({ color: 'teal', message: t(`appeals.decided.${request.decision}`) }),
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="appeal-decision-title">
      <Stack>
        <ErrorAlert error={decide.error} fields={fields} />
        <Radio.Group label={t('appeals.decision')} required {...form.getInputProps('decision')}>
          <Stack mt="xs" gap="sm">
            <Radio
              value="upheld"
              color="teal"
              label={t('appeals.decideUpheld')}
              description={t('appeals.decideUpheldHelp')}
              data-testid="appeal-decision-upheld"
            />
            <Radio
              value="rejected"
              label={t('appeals.decideRejected')}
              description={t('appeals.decideRejectedHelp')}
              data-testid="appeal-decision-rejected"
            />
          </Stack>
        </Radio.Group>
        {form.values.decision === 'upheld' && (
          <Alert color="orange" variant="light">
            {t('appeals.upheldWarning', { identifier: appeal.identifier })}
          </Alert>
        )}
        <Textarea
          label={t('appeals.decisionReasonLabel')}
          description={t('appeals.decisionReasonHelp')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          data-testid="appeal-decision-reason"
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending} data-testid="appeal-decision-submit">
            {t('appeals.decisionSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
