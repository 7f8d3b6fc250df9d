import {
  Alert,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import {
  DomainOwnerInfoAnswerBody,
  HoldAnswerBody,
  HoldDetails,
  HoldReviewAnswerBody,
  NoticeAnswerBody,
  ReleaseAnswerBody,
  SimActionAnswerBody,
  SubscriberInfoAnswerBody,
  TakedownAnswerBody,
  type RequestType,
} from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { CodeInput } from '../../ui/CodeInput';
import { AddRowButton } from '../report-form/AddRowButton';
import { AmountInput } from '../report-form/AmountInput';
import { RowRemoveButton } from '../report-form/RowRemoveButton';
import { formatVnd } from '../registry/format';
import {
  answerFieldOf,
  holdSummary,
  initialAnswerValues,
  onwardRow,
  toAnswerBody,
  type AnswerValues,
} from './answer';
import { useAnswerRequest } from './api';
import { ActionFrame, type ActionFormProps } from './RequestActionForms';
import { keyedSubmit, useSubmissionKey } from './useSubmissionKey';
import { checkBody, type Checker } from './validate';
import { localNow } from './localTime';

/** The answer's schema by type, checked on the body before it is sent (the server checks it again). */
const answerSchema: Record<RequestType, Checker> = {
  hold: HoldAnswerBody,
  release: ReleaseAnswerBody,
  hold_review: HoldReviewAnswerBody,
  subscriber_info: SubscriberInfoAnswerBody,
  domain_owner_info: DomainOwnerInfoAnswerBody,
  takedown: TakedownAnswerBody,
  sim_action: SimActionAnswerBody,
  suspicious_account_notice: NoticeAnswerBody,
};

const answerFields = [
  'heldVnd',
  'balanceVnd',
  'confirmation',
  'onwardTransfers',
  'releasedVnd',
  'decision',
  'subscribers',
  'registrant',
  'registrar',
  'hostingProvider',
  'ipAddresses',
  'registeredAt',
  'doneAt',
  'outcome',
  'affectedPhones',
  'reportId',
  'note',
] as const;

type AnswerForm = UseFormReturnType<AnswerValues>;

/** The recipient's answer, with the fields of the request's type. */
export function AnswerForm({ request, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const answer = useAnswerRequest(request.id);
  const key = useSubmissionKey();
  const form = useForm<AnswerValues>({
    initialValues: initialAnswerValues(request.details, localNow()),
    validate: (values) => {
      const errors = checkBody(answerSchema[request.type], toAnswerBody(request.type, values), answerFieldOf);
      if (request.type === 'hold_review' && !values.decision) errors.decision = t('fieldErrors.required');
      return errors;
    },
  });
  const submit = keyedSubmit(
    form,
    answer,
    key,
    (values) => toAnswerBody(request.type, values),
    answerFieldOf,
    onDone,
  );
  return (
    <ActionFrame
      mutation={answer}
      fields={answerFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('requests.answerForm.submit')}
      submitTestId="answer-submit"
    >
      {request.type === 'hold' && <HoldFields form={form} details={request.details} />}
      {request.type === 'release' && <ReleaseFields form={form} />}
      {request.type === 'hold_review' && <ReviewFields form={form} />}
      {request.type === 'subscriber_info' && <SubscriberFields form={form} />}
      {request.type === 'domain_owner_info' && <DomainFields form={form} />}
      {request.type === 'takedown' && (
        <TextInput
          type="datetime-local"
          label={t('requests.answerForm.doneAt')}
          required
          data-autofocus
          data-testid="answer-done-at"
          {...form.getInputProps('doneAt')}
        />
      )}
      {request.type === 'sim_action' && <SimFields form={form} />}
      {request.type === 'suspicious_account_notice' && <NoticeFields form={form} />}
      {request.type !== 'hold_review' && (
        <Textarea
          label={t('requests.answerForm.note')}
          description={t('requests.answerForm.noteHelp')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          data-testid="answer-note"
          {...form.getInputProps('note')}
        />
      )}
    </ActionFrame>
  );
}

function HoldFields({ form, details }: { form: AnswerForm; details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const parsed = HoldDetails.safeParse(details);
  const asked = parsed.success ? parsed.data.amountVnd : 0;
  const summary = holdSummary(asked, form.values);
  const rows = form.values.onward;
  return (
    <Stack gap="md">
      {parsed.success && (
        <Alert color="blue" variant="light">
          {t('requests.answerForm.asked', {
            amount: formatVnd(asked),
            account: parsed.data.account.account,
            bank: parsed.data.account.bank,
          })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <AmountInput
          label={t('requests.answerForm.held')}
          description={t('requests.answerForm.heldHelp')}
          required
          data-autofocus
          data-testid="answer-held"
          {...form.getInputProps('held')}
          value={form.values.held}
          onChange={(digits) => form.setFieldValue('held', digits)}
        />
        <AmountInput
          label={t('requests.answerForm.balance')}
          required
          data-testid="answer-balance"
          {...form.getInputProps('balance')}
          value={form.values.balance}
          onChange={(digits) => form.setFieldValue('balance', digits)}
        />
      </SimpleGrid>
      <CodeInput
        label={t('requests.answerForm.confirmation')}
        required
        maxLength={100}
        data-testid="answer-confirmation"
        {...form.getInputProps('confirmation')}
      />
      {form.values.held !== '' && summary.partial && (
        <Alert color="orange" variant="light" role="status" data-testid="answer-partial">
          {t('requests.answerForm.partialNotice', { amount: formatVnd(summary.missing) })}
        </Alert>
      )}
      <Fieldset legend={t('requests.answerForm.onwardTitle')} radius="md" p="sm">
        <Stack gap="sm">
          <Text size="sm">{t('requests.answerForm.onwardHelp')}</Text>
          {rows.map((row, index) => (
            <Fieldset
              key={row.key}
              legend={t('requests.answerForm.onwardN', { n: index + 1 })}
              radius="md"
              p="sm"
              data-testid="answer-onward"
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('requests.answerForm.onwardBank')}
                  required
                  maxLength={100}
                  data-testid={`answer-onward-${index}-bank`}
                  {...form.getInputProps(`onward.${index}.bank`)}
                />
                <CodeInput
                  label={t('requests.answerForm.onwardAccount')}
                  required
                  maxLength={40}
                  data-testid={`answer-onward-${index}-account`}
                  {...form.getInputProps(`onward.${index}.account`)}
                />
                <AmountInput
                  label={t('requests.answerForm.onwardAmount')}
                  required
                  data-testid={`answer-onward-${index}-amount`}
                  {...form.getInputProps(`onward.${index}.amount`)}
                  value={row.amount}
                  onChange={(digits) => form.setFieldValue(`onward.${index}.amount`, digits)}
                />
                <TextInput
                  type="datetime-local"
                  label={t('requests.answerForm.onwardAt')}
                  required
                  data-testid={`answer-onward-${index}-at`}
                  {...form.getInputProps(`onward.${index}.at`)}
                />
                <CodeInput
                  label={t('requests.answerForm.onwardReference')}
                  maxLength={100}
                  data-testid={`answer-onward-${index}-reference`}
                  {...form.getInputProps(`onward.${index}.reference`)}
                />
              </SimpleGrid>
              <Group justify="flex-end" mt="xs">
                <RowRemoveButton
                  label={t('requests.answerForm.removeOnward', { n: index + 1 })}
                  text={t('requests.answerForm.remove')}
                  onClick={() => form.removeListItem('onward', index)}
                />
              </Group>
            </Fieldset>
          ))}
          {typeof form.errors.onward === 'string' && (
            <Text size="sm" c="red.8" role="alert">
              {form.errors.onward}
            </Text>
          )}
          <AddRowButton
            label={t('requests.answerForm.addOnward')}
            disabled={rows.length >= 50}
            onClick={() => form.insertListItem('onward', onwardRow())}
            testId="answer-onward-add"
          />
          {summary.onward > 0 && (
            <Text size="sm" fw={600} aria-live="polite">
              {t('requests.answerForm.onwardTotal', { amount: formatVnd(summary.onward) })}
            </Text>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}

function ReleaseFields({ form }: { form: AnswerForm }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <AmountInput
        label={t('requests.answerForm.released')}
        required
        data-autofocus
        data-testid="answer-released"
        {...form.getInputProps('released')}
        value={form.values.released}
        onChange={(digits) => form.setFieldValue('released', digits)}
      />
      <CodeInput
        label={t('requests.answerForm.releaseConfirmation')}
        required
        maxLength={100}
        data-testid="answer-confirmation"
        {...form.getInputProps('confirmation')}
      />
    </SimpleGrid>
  );
}

function ReviewFields({ form }: { form: AnswerForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Radio.Group label={t('requests.answerForm.decision')} required {...form.getInputProps('decision')}>
        <Stack mt="xs" gap="sm">
          {(['keep', 'release'] as const).map((decision) => (
            <Radio
              key={decision}
              value={decision}
              label={t(`requests.reviewDecision.${decision}`)}
              data-testid={`answer-decision-${decision}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('requests.answerForm.reviewNote')}
        description={t('requests.reasonForm.reasonHelp')}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        data-testid="answer-note"
        {...form.getInputProps('note')}
      />
    </>
  );
}

function SubscriberFields({ form }: { form: AnswerForm }) {
  const { t } = useTranslation();
  const statusOptions = (['active', 'suspended', 'not_found'] as const).map((value) => ({
    value,
    label: t(`requests.subscriberStatus.${value}`),
  }));
  return (
    <Stack gap="sm">
      <Alert color="orange" variant="light">
        {t('requests.answerForm.personalNotice')}
      </Alert>
      {form.values.subscribers.map((row, index) => (
        <Fieldset
          key={row.phone}
          legend={t('requests.answerForm.subscriberN', { phone: row.phone })}
          radius="md"
          p="sm"
          data-testid="answer-subscriber"
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('requests.answerForm.subscriberStatus')}
              data={statusOptions}
              allowDeselect={false}
              required
              data-testid={`answer-subscriber-${index}-status`}
              {...form.getInputProps(`subscribers.${index}.status`)}
            />
            <TextInput
              label={t('requests.answerForm.holderName')}
              maxLength={200}
              autoComplete="off"
              data-testid={`answer-subscriber-${index}-name`}
              {...form.getInputProps(`subscribers.${index}.holderName`)}
            />
            <CodeInput
              label={t('requests.answerForm.idNumber')}
              maxLength={20}
              data-testid={`answer-subscriber-${index}-id`}
              {...form.getInputProps(`subscribers.${index}.idNumber`)}
            />
            <TextInput
              type="datetime-local"
              label={t('requests.answerForm.registeredAt')}
              {...form.getInputProps(`subscribers.${index}.registeredAt`)}
            />
            <TextInput
              label={t('requests.answerForm.address')}
              maxLength={500}
              autoComplete="off"
              {...form.getInputProps(`subscribers.${index}.address`)}
            />
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}

function DomainFields({ form }: { form: AnswerForm }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput
        label={t('requests.answerForm.registrant')}
        maxLength={500}
        data-autofocus
        data-testid="answer-registrant"
        {...form.getInputProps('registrant')}
      />
      <TextInput
        label={t('requests.answerForm.registrar')}
        maxLength={200}
        data-testid="answer-registrar"
        {...form.getInputProps('registrar')}
      />
      <TextInput
        label={t('requests.answerForm.hostingProvider')}
        maxLength={200}
        {...form.getInputProps('hostingProvider')}
      />
      <TextInput
        type="datetime-local"
        label={t('requests.answerForm.domainRegisteredAt')}
        {...form.getInputProps('domainRegisteredAt')}
      />
      <Textarea
        label={t('requests.answerForm.ipAddresses')}
        description={t('requests.answerForm.ipAddressesHelp')}
        autosize
        minRows={2}
        classNames={{ input: 'khien-mono' }}
        {...form.getInputProps('ipAddresses')}
      />
    </SimpleGrid>
  );
}

function SimFields({ form }: { form: AnswerForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Radio.Group label={t('requests.answerForm.simOutcome')} required {...form.getInputProps('simOutcome')}>
        <Group mt="xs">
          {(['done', 'partial'] as const).map((outcome) => (
            <Radio key={outcome} value={outcome} label={t(`requests.simOutcome.${outcome}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label={t('requests.answerForm.affectedPhones')}
        description={t('requests.answerForm.affectedPhonesHelp')}
        autosize
        minRows={3}
        maxRows={10}
        classNames={{ input: 'khien-mono' }}
        data-testid="answer-affected-phones"
        {...form.getInputProps('affectedPhones')}
      />
    </>
  );
}

function NoticeFields({ form }: { form: AnswerForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Radio.Group
        label={t('requests.answerForm.noticeOutcome')}
        required
        {...form.getInputProps('noticeOutcome')}
      >
        <Group mt="xs">
          {(['received', 'report_opened'] as const).map((outcome) => (
            <Radio
              key={outcome}
              value={outcome}
              label={t(`requests.noticeOutcome.${outcome}`)}
              data-testid={`answer-outcome-${outcome}`}
            />
          ))}
        </Group>
      </Radio.Group>
      {form.values.noticeOutcome === 'report_opened' && (
        <CodeInput
          label={t('requests.answerForm.reportId')}
          description={t('requests.answerForm.reportIdHelp')}
          maxLength={36}
          {...form.getInputProps('reportId')}
        />
      )}
    </>
  );
}
