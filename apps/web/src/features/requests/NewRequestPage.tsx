import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateRequestBody, TakedownCategory, type RequestType } from '@khien/contracts';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { requestsPath } from '../../app/navigation';
import { CodeInput } from '../../ui/CodeInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { SectionCard } from '../../ui/SectionCard';
import { useCan, useCurrentMe } from '../auth/me-context';
import { AmountInput } from '../report-form/AmountInput';
import { useReport } from '../reports/api';
import { BackLink } from '../reports/DetailQuery';
import { reportPath } from '../reports/links';
import { formatVnd } from '../registry/format';
import { useCreateRequest, useRecipients, useRequests } from './api';
import {
  createFieldOf,
  defaultLegalBasis,
  initialRequestValues,
  maySend,
  requestTypes,
  toCreateRequestBody,
  type NewRequestValues,
} from './create';
import { matchRecipient } from './forward';
import { localNow } from './localTime';
import { prefillFrom } from './prefill';
import { requestPath } from './links';
import { sendOnce, useSubmissionKey } from './useSubmissionKey';
import { checkBody, serverErrors } from './validate';

type RequestForm = UseFormReturnType<NewRequestValues>;

const formFields = [
  'type',
  'recipientAgencyId',
  'legalBasis',
  'reason',
  'reportId',
  'caseId',
  'details',
] as const;

/** `/app/yeu-cau/moi`: a new request, pre-filled from the address (a report's transfer, a hold). */
export function NewRequestPage() {
  const can = useCan();
  return can('request.send') ? <NewRequest /> : <Forbidden />;
}

function NewRequest() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const prefill = useMemo(() => prefillFrom(params), [params]);
  const create = useCreateRequest();
  const key = useSubmissionKey();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<NewRequestValues>({
    initialValues: initialRequestValues(prefill, me.agency.type, localNow()),
    validate: (values) => checkBody(CreateRequestBody, toCreateRequestBody(values), createFieldOf),
  });
  const type = form.values.type || null;
  const types = requestTypes.filter(
    (candidate) => maySend(me.agency.type, candidate) || candidate === prefill.type,
  );

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = form.onSubmit((values) => {
    const body = toCreateRequestBody(values);
    sendOnce(create, key, body, {
      onSuccess: (created) => {
        notifications.show({
          color: 'teal',
          message: t('requests.form.created', { code: created.code, agency: created.recipientAgencyName }),
        });
        void navigate(requestPath(created.id));
      },
      onError: (error) => {
        form.setErrors(serverErrors(error, createFieldOf));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const changeType = (next: RequestType) => {
    const previous = form.values.type;
    const basis = form.values.legalBasis.trim();
    form.setValues({
      type: next,
      recipientAgencyId: null,
      legalBasis:
        basis === '' || (previous && basis === defaultLegalBasis[previous]) ? defaultLegalBasis[next] : basis,
    });
  };

  return (
    <>
      <BackLink to={requestsPath} label={t('requests.detail.back')} />
      <PageHeader title={t('requests.form.title')} description={t('requests.form.intro')} />
      {types.length === 0 ? (
        <Alert color="orange" variant="light">
          {t('requests.form.noTypes')}
        </Alert>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-label={t('requests.form.title')}>
          <Stack gap="lg" maw={960}>
            <SectionCard id="request-kind" title={t('requests.form.kindTitle')}>
              <Stack>
                <Radio.Group
                  label={t('requests.form.type')}
                  required
                  value={form.values.type}
                  onChange={(value) => changeType(value as RequestType)}
                  error={form.errors.type}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
                    {types.map((option) => (
                      <Radio
                        key={option}
                        value={option}
                        label={t(`requests.type.${option}`)}
                        description={
                          maySend(me.agency.type, option)
                            ? t(`requests.typeHelp.${option}`)
                            : t('requests.form.typeNotAllowed')
                        }
                        data-testid={`new-request-type-${option}`}
                      />
                    ))}
                  </SimpleGrid>
                </Radio.Group>
                <RecipientSelect form={form} type={type} />
                {form.values.reportId && <ReportLink reportId={form.values.reportId} />}
              </Stack>
            </SectionCard>

            {type && (
              <SectionCard id="request-details" title={t('requests.form.detailsTitle')}>
                <DetailFields form={form} type={type} />
              </SectionCard>
            )}

            <SectionCard id="request-grounds" title={t('requests.form.groundsTitle')}>
              <Stack>
                <TextInput
                  label={t('requests.form.legalBasis')}
                  description={t('requests.form.legalBasisHelp')}
                  required
                  maxLength={500}
                  data-testid="new-request-legal-basis"
                  {...form.getInputProps('legalBasis')}
                />
                <Textarea
                  label={t('requests.form.reason')}
                  description={t('requests.form.reasonHelp')}
                  required
                  autosize
                  minRows={3}
                  maxRows={10}
                  maxLength={2000}
                  data-testid="new-request-reason"
                  {...form.getInputProps('reason')}
                />
              </Stack>
            </SectionCard>

            <ErrorAlert error={create.error} fields={formFields} />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={requestsPath}>
                {t('requests.form.cancel')}
              </Button>
              <Button type="submit" size="md" loading={create.isPending} data-testid="new-request-submit">
                {t('requests.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}

/** The agencies that receive this type; for a hold, the bank named in the form is chosen when recognised. */
function RecipientSelect({ form, type }: { form: RequestForm; type: RequestType | null }) {
  const { t } = useTranslation();
  const recipients = useRecipients(type);
  const items = recipients.data?.items ?? [];
  const bank = form.values.bank;
  const chosen = form.values.recipientAgencyId;
  const suggested =
    type === 'hold' && chosen === null && recipients.data
      ? matchRecipient(bank, recipients.data.items)
      : null;
  useEffect(() => {
    if (suggested) form.setFieldValue('recipientAgencyId', suggested);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a suggestion appears
  }, [suggested]);
  if (!type) return null;
  const options = items.map((agency) => ({
    value: agency.id,
    label: agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name,
  }));
  return (
    <>
      <SearchableSelect
        label={t('requests.form.recipient')}
        placeholder={t('requests.form.recipientPlaceholder')}
        required
        data={options}
        nothingFoundMessage={recipients.isFetching ? t('common.loading') : t('reference.nothingFound')}
        maxDropdownHeight={280}
        data-testid="new-request-recipient"
        {...form.getInputProps('recipientAgencyId')}
      />
      {recipients.data && items.length === 0 && (
        <Alert color="orange" variant="light">
          {t('requests.form.recipientNone')}
        </Alert>
      )}
      <ErrorAlert error={recipients.error} />
    </>
  );
}

function ReportLink({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {t('requests.form.report')}
      </Text>
      {can('report.read') ? (
        <ReportCode reportId={reportId} />
      ) : (
        <Text className="khien-mono">{reportId}</Text>
      )}
      <Text size="xs" c="dimmed">
        {t('requests.form.reportLinked')}
      </Text>
    </Stack>
  );
}

function ReportCode({ reportId }: { reportId: string }) {
  const report = useReport(reportId);
  return (
    <Anchor
      component={Link}
      to={reportPath(reportId)}
      className="khien-mono"
      fw={600}
      data-testid="new-request-report"
    >
      {report.data?.trackingCode ?? `${reportId.slice(0, 8)}…`}
    </Anchor>
  );
}

/** The fields of what is asked, by type. */
function DetailFields({ form, type }: { form: RequestForm; type: RequestType }) {
  const { t } = useTranslation();
  const amount = (label: string, help?: string) => (
    <AmountInput
      label={label}
      description={help}
      required
      data-testid="new-request-amount"
      {...form.getInputProps('amount')}
      value={form.values.amount}
      onChange={(digits) => form.setFieldValue('amount', digits)}
    />
  );
  const account = (
    <>
      <TextInput
        label={t('requests.form.bank')}
        placeholder={t('requests.form.bankPlaceholder')}
        required
        maxLength={100}
        data-testid="new-request-bank"
        {...form.getInputProps('bank')}
      />
      <CodeInput
        label={t('requests.form.account')}
        required
        maxLength={40}
        data-testid="new-request-account"
        {...form.getInputProps('account')}
      />
    </>
  );
  const phones = (
    <Textarea
      label={t('requests.form.phones')}
      description={t('requests.form.phonesHelp')}
      required
      autosize
      minRows={3}
      maxRows={12}
      classNames={{ input: 'khien-mono' }}
      data-testid="new-request-phones"
      {...form.getInputProps('phones')}
    />
  );
  switch (type) {
    case 'hold':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {account}
          {amount(t('requests.form.amount'), t('requests.form.amountHelp'))}
          <NumberInput
            label={t('requests.form.durationHours')}
            description={t('requests.form.durationHelp')}
            min={1}
            max={720}
            allowDecimal={false}
            allowNegative={false}
            data-testid="new-request-duration"
            {...form.getInputProps('durationHours')}
            value={form.values.durationHours}
            onChange={(value) => form.setFieldValue('durationHours', String(value))}
          />
        </SimpleGrid>
      );
    case 'release':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <HoldSelect form={form} box="outbox" />
          {amount(t('requests.form.releaseAmount'))}
        </SimpleGrid>
      );
    case 'hold_review':
      return (
        <Stack>
          <HoldSelect form={form} box="inbox" />
          <Textarea
            label={t('requests.form.holderObjection')}
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('holderObjection')}
          />
        </Stack>
      );
    case 'subscriber_info':
      return phones;
    case 'domain_owner_info':
      return (
        <CodeInput
          label={t('requests.form.domain')}
          required
          maxLength={253}
          data-testid="new-request-domain"
          {...form.getInputProps('domain')}
        />
      );
    case 'takedown':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <CodeInput
            label={t('requests.form.target')}
            description={t('requests.form.targetHelp')}
            required
            maxLength={2000}
            data-testid="new-request-target"
            {...form.getInputProps('target')}
          />
          <Select
            label={t('requests.form.category')}
            required
            allowDeselect={false}
            data={TakedownCategory.options.map((value) => ({
              value,
              label: t(`requests.category.${value}`),
            }))}
            data-testid="new-request-category"
            {...form.getInputProps('category')}
          />
          <CodeInput
            label={t('requests.form.evidenceUrl')}
            maxLength={2000}
            {...form.getInputProps('evidenceUrl')}
          />
          <TextInput
            type="datetime-local"
            label={t('requests.form.seenAt')}
            required
            {...form.getInputProps('seenAt')}
          />
          <CodeInput
            label={t('requests.form.captureSha256')}
            description={t('requests.form.captureHelp')}
            maxLength={64}
            {...form.getInputProps('captureSha256')}
          />
        </SimpleGrid>
      );
    case 'sim_action':
      return (
        <Stack>
          <Radio.Group label={t('requests.form.simAction')} required {...form.getInputProps('simAction')}>
            <Group mt="xs">
              {(['re_verify', 'lock'] as const).map((action) => (
                <Radio key={action} value={action} label={t(`requests.simAction.${action}`)} />
              ))}
            </Group>
          </Radio.Group>
          {phones}
        </Stack>
      );
    case 'suspicious_account_notice':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {account}
          <TextInput
            label={t('requests.form.holderName')}
            required
            maxLength={200}
            autoComplete="off"
            {...form.getInputProps('holderName')}
          />
          <CodeInput
            label={t('requests.form.idNumber')}
            description={t('requests.form.idNumberHelp')}
            required
            maxLength={15}
            {...form.getInputProps('idNumber')}
          />
          <CodeInput
            label={t('requests.form.ebankingPhone')}
            maxLength={20}
            {...form.getInputProps('ebankingPhone')}
          />
          <TextInput
            label={t('requests.form.reasonCode')}
            required
            maxLength={20}
            {...form.getInputProps('reasonCode')}
          />
        </SimpleGrid>
      );
  }
}

/** An answered hold of the agency's (sent for a release, received for a review). */
function HoldSelect({ form, box }: { form: RequestForm; box: 'inbox' | 'outbox' }) {
  const { t } = useTranslation();
  const holds = useRequests({ box, type: 'hold', status: 'answered', limit: 100, offset: 0 });
  const chosen = form.values.holdRequestId;
  const options = (holds.data?.items ?? []).map((hold) => ({
    value: hold.id,
    label: `${hold.code} · ${hold.subject}${hold.heldVnd !== null ? ` · ${formatVnd(hold.heldVnd)}` : ''}`,
  }));
  if (chosen && !options.some((option) => option.value === chosen))
    options.push({ value: chosen, label: chosen });
  return (
    <>
      <SearchableSelect
        label={t('requests.form.holdRequest')}
        placeholder={t('requests.form.holdRequestPlaceholder')}
        required
        data={options}
        nothingFoundMessage={holds.isFetching ? t('common.loading') : t('requests.form.holdRequestNone')}
        maxDropdownHeight={280}
        data-testid="new-request-hold"
        {...form.getInputProps('holdRequestId')}
      />
      <ErrorAlert error={holds.error} />
    </>
  );
}
