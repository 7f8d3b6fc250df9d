import { Fieldset, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateAppealRequest, type AppealReceipt } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { CodeInput } from '../../ui/CodeInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { useSubmitAppeal } from './api';
import { emptyAppeal, toAppealRequest, type AppealValues } from './requests';

const fields = ['identifier', 'fullName', 'relation', 'phone', 'email', 'reasons'] as const;

const validate = schemaValidator(CreateAppealRequest, toAppealRequest);

interface AppealFormProps {
  initialIdentifier: string;
  onSent: (receipt: AppealReceipt, identifier: string) => void;
}

/** The public appeal: what is listed, who asks, how to reach them, and why the listing is wrong. */
export function AppealForm({ initialIdentifier, onSent }: AppealFormProps) {
  const { t } = useTranslation();
  const send = useSubmitAppeal();
  const form = useForm<AppealValues>({ initialValues: emptyAppeal(initialIdentifier), validate });

  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = fields.find((field) => errors[field]);
    if (first) form.getInputNode(first)?.focus();
  };

  const submit = form.onSubmit((values) => {
    const request = CreateAppealRequest.parse(toAppealRequest(values));
    send.mutate(request, {
      onSuccess: (receipt) => onSent(receipt, request.identifier),
      onError: (error) => {
        const errors = serverFieldErrors(error, fields);
        form.setErrors(errors);
        focusFirstError(errors);
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="appeal-form-title">
      <Stack gap="md">
        <ErrorAlert error={send.error} fields={fields} />
        <CodeInput
          label={t('appeals.identifier')}
          description={t('appeals.identifierHelp')}
          placeholder={t('appeals.identifierPlaceholder')}
          required
          size="md"
          maxLength={500}
          data-testid="appeal-identifier"
          {...form.getInputProps('identifier')}
        />
        <TextInput
          label={t('appeals.fullName')}
          required
          size="md"
          autoComplete="name"
          maxLength={200}
          data-testid="appeal-fullname"
          {...form.getInputProps('fullName')}
        />
        <Radio.Group
          label={t('appeals.relation')}
          required
          size="md"
          data-testid="appeal-relation"
          {...form.getInputProps('relation')}
        >
          <Stack mt="xs" gap="sm">
            <Radio value="holder" label={t('appeals.relationHolder')} data-testid="appeal-relation-holder" />
            <Radio
              value="representative"
              label={t('appeals.relationRepresentative')}
              data-testid="appeal-relation-representative"
            />
          </Stack>
        </Radio.Group>
        <Fieldset legend={t('appeals.contactTitle')} variant="unstyled">
          <Text size="sm" c="dimmed" mb="xs">
            {t('appeals.contactHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('appeals.phone')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              size="md"
              maxLength={20}
              data-testid="appeal-phone"
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('appeals.email')}
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              size="md"
              maxLength={200}
              data-testid="appeal-email"
              {...form.getInputProps('email')}
            />
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label={t('appeals.reasons')}
          description={t('appeals.reasonsHelp')}
          required
          size="md"
          autosize
          minRows={4}
          maxRows={12}
          maxLength={5000}
          data-testid="appeal-reasons"
          {...form.getInputProps('reasons')}
        />
        <Text size="sm" c="dimmed">
          {t('appeals.privacyNote')}
        </Text>
        <SubmitButton loading={send.isPending} testId="appeal-submit">
          {t('appeals.submit')}
        </SubmitButton>
      </Stack>
    </form>
  );
}
