import {
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  type NumberInputProps,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateStaffReportRequest } from '@khien/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { SectionCard } from '../../ui/SectionCard';
import { useCan, useCurrentMe } from '../auth/me-context';
import { CommuneSelect } from '../reference/CommuneSelect';
import { ProvinceSelect } from '../reference/ProvinceSelect';
import { formatVnd } from '../registry/format';
import { useMethodOptions } from '../registry/labels';
import { reportsPath } from '../../app/navigation';
import { useCreateStaffReport } from './api';
import { BackLink } from './DetailQuery';
import { useContactChannelOptions, useStaffChannelOptions } from './labels';
import { reportPath } from './links';
import {
  emptyIntake,
  emptyTransfer,
  intakeFields,
  toIntakeRequest,
  transfersTotal,
  type IntakeValues,
} from './requests';
import { intakeServerErrors, validateIntake } from './validation';

/** An amount in đồng, grouped the way the interface language writes numbers. */
function vndInputProps(): Partial<NumberInputProps> {
  const vietnamese = currentLanguage() === 'vi';
  return {
    min: 0,
    max: 1e13,
    allowDecimal: false,
    allowNegative: false,
    thousandSeparator: vietnamese ? '.' : ',',
    decimalSeparator: vietnamese ? ',' : '.',
    suffix: ' ₫',
  };
}

/** `/app/to-giac/moi`: a report taken by staff (hotline, walk-in, mailbox, another unit, a bank or telco). */
export function ReportIntakePage() {
  const can = useCan();
  return can('report.intake') ? <Intake /> : <Forbidden />;
}

function Intake() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const create = useCreateStaffReport();
  const formRef = useRef<HTMLFormElement>(null);
  const channelOptions = useStaffChannelOptions();
  const contactChannelOptions = useContactChannelOptions();
  const methodOptions = useMethodOptions();
  const form = useForm<IntakeValues>({
    initialValues: emptyIntake(me.agency.provinceCode),
    validate: validateIntake,
  });
  const { values } = form;

  // The first field in error, in the order the form shows them.
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input')
        ?.focus(),
    );

  const submit = form.onSubmit((submitted) => {
    create.mutate(CreateStaffReportRequest.parse(toIntakeRequest(submitted)), {
      onSuccess: (report) => {
        notifications.show({
          color: 'teal',
          message: t('reports.intake.created', { code: report.trackingCode }),
        });
        void navigate(reportPath(report.id));
      },
      onError: (error) => {
        form.setErrors(intakeServerErrors(error));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const sum = transfersTotal(values.transfers);

  return (
    <>
      <BackLink to={reportsPath} label={t('reports.detail.back')} />
      <PageHeader title={t('reports.intake.title')} description={t('reports.intake.intro')} />
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t('reports.intake.title')}>
        <Stack gap="lg" maw={960}>
          <SectionCard id="intake-channel" title={t('reports.intake.channelTitle')}>
            <Radio.Group label={t('reports.intake.channel')} required {...form.getInputProps('channel')}>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt="xs" spacing="sm">
                {channelOptions.map((option) => (
                  <Radio
                    key={option.value}
                    value={option.value}
                    label={option.label}
                    data-testid={`intake-channel-${option.value}`}
                  />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </SectionCard>

          <SectionCard id="intake-facts" title={t('reports.intake.factsTitle')}>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <SearchableSelect
                  label={t('reports.intake.method')}
                  placeholder={t('reports.intake.methodPlaceholder')}
                  required
                  data={methodOptions}
                  maxDropdownHeight={280}
                  nothingFoundMessage={t('reference.nothingFound')}
                  data-testid="intake-method"
                  {...form.getInputProps('scamMethod')}
                />
                <TextInput
                  type="datetime-local"
                  label={t('reports.intake.occurredAt')}
                  description={t('reports.intake.occurredAtHelp')}
                  data-testid="intake-occurred"
                  {...form.getInputProps('occurredAt')}
                />
              </SimpleGrid>
              <Checkbox.Group label={t('reports.intake.channels')} {...form.getInputProps('channels')}>
                <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} mt="xs" spacing="xs">
                  {contactChannelOptions.map((option) => (
                    <Checkbox
                      key={option.value}
                      value={option.value}
                      label={option.label}
                      data-testid={`intake-contact-channel-${option.value}`}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Textarea
                label={t('reports.intake.identifiers')}
                description={t('reports.intake.identifiersHelp')}
                autosize
                minRows={3}
                maxRows={10}
                spellCheck={false}
                autoComplete="off"
                classNames={{ input: 'khien-mono' }}
                data-testid="intake-identifiers"
                {...form.getInputProps('identifiers')}
              />
              <Textarea
                label={t('reports.intake.story')}
                description={t('reports.intake.storyHelp')}
                required
                autosize
                minRows={4}
                maxRows={14}
                maxLength={10_000}
                data-testid="intake-story"
                {...form.getInputProps('story')}
              />
            </Stack>
          </SectionCard>

          <SectionCard id="intake-place" title={t('reports.intake.placeTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ProvinceSelect
                required
                data-testid="intake-province"
                {...form.getInputProps('provinceCode')}
                onChange={(value) => {
                  form.setFieldValue('provinceCode', value);
                  form.setFieldValue('communeCode', null);
                }}
              />
              <CommuneSelect
                provinceCode={values.provinceCode}
                clearable
                allowDeselect
                data-testid="intake-commune"
                {...form.getInputProps('communeCode')}
              />
            </SimpleGrid>
          </SectionCard>

          <SectionCard id="intake-transfers" title={t('reports.intake.transfersTitle')}>
            <Stack>
              <Text size="sm" c="dimmed">
                {t('reports.intake.transfersHelp')}
              </Text>
              {values.transfers.map((transfer, index) => (
                <Fieldset
                  key={transfer.key}
                  legend={t('reports.intake.transferN', { n: index + 1 })}
                  data-testid="intake-transfer"
                >
                  <Group justify="flex-end" mt={-8} mb={4}>
                    <CloseButton
                      aria-label={t('reports.intake.removeTransfer', { n: index + 1 })}
                      onClick={() => form.removeListItem('transfers', index)}
                    />
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                    <TextInput
                      label={t('reports.intake.toAccount')}
                      required
                      maxLength={40}
                      autoComplete="off"
                      spellCheck={false}
                      classNames={{ input: 'khien-mono' }}
                      data-testid={`intake-transfer-${index}-to-account`}
                      {...form.getInputProps(`transfers.${index}.toAccount`)}
                    />
                    <TextInput
                      label={t('reports.intake.toBank')}
                      maxLength={100}
                      {...form.getInputProps(`transfers.${index}.toBank`)}
                    />
                    <NumberInput
                      label={t('reports.intake.amount')}
                      required
                      {...vndInputProps()}
                      data-testid={`intake-transfer-${index}-amount`}
                      {...form.getInputProps(`transfers.${index}.amountVnd`)}
                    />
                    <TextInput
                      label={t('reports.intake.fromAccount')}
                      description={t('reports.intake.fromAccountHelp')}
                      maxLength={40}
                      autoComplete="off"
                      spellCheck={false}
                      classNames={{ input: 'khien-mono' }}
                      {...form.getInputProps(`transfers.${index}.fromAccount`)}
                    />
                    <TextInput
                      label={t('reports.intake.fromBank')}
                      maxLength={100}
                      {...form.getInputProps(`transfers.${index}.fromBank`)}
                    />
                    <TextInput
                      type="datetime-local"
                      label={t('reports.intake.at')}
                      {...form.getInputProps(`transfers.${index}.at`)}
                    />
                    <TextInput
                      label={t('reports.intake.reference')}
                      maxLength={100}
                      autoComplete="off"
                      {...form.getInputProps(`transfers.${index}.reference`)}
                    />
                  </SimpleGrid>
                </Fieldset>
              ))}
              {typeof form.errors.transfers === 'string' && (
                <Text c="red.8" size="sm" role="alert">
                  {form.errors.transfers}
                </Text>
              )}
              <Group>
                <Button
                  variant="outline"
                  onClick={() => form.insertListItem('transfers', emptyTransfer())}
                  disabled={values.transfers.length >= 20}
                  data-testid="intake-add-transfer"
                >
                  + {t('reports.intake.addTransfer')}
                </Button>
              </Group>
              <NumberInput
                label={t('reports.intake.totalLoss')}
                description={t('reports.intake.totalLossHelp', { sum: formatVnd(sum) })}
                maw={360}
                {...vndInputProps()}
                data-testid="intake-total-loss"
                {...form.getInputProps('totalLossVnd')}
              />
            </Stack>
          </SectionCard>

          <SectionCard id="intake-contact" title={t('reports.intake.contactTitle')}>
            <Stack>
              <Checkbox
                label={t('reports.intake.withContact')}
                description={t('reports.intake.withContactHelp')}
                data-testid="intake-with-contact"
                {...form.getInputProps('withContact', { type: 'checkbox' })}
              />
              {values.withContact && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('reports.intake.fullName')}
                    required
                    maxLength={200}
                    autoComplete="off"
                    data-testid="intake-contact-name"
                    {...form.getInputProps('contact.fullName')}
                  />
                  <TextInput
                    label={t('reports.intake.phone')}
                    type="tel"
                    inputMode="tel"
                    maxLength={20}
                    autoComplete="off"
                    data-testid="intake-contact-phone"
                    {...form.getInputProps('contact.phone')}
                  />
                  <TextInput
                    label={t('reports.intake.email')}
                    type="email"
                    maxLength={200}
                    autoComplete="off"
                    data-testid="intake-contact-email"
                    {...form.getInputProps('contact.email')}
                  />
                  <TextInput
                    label={t('reports.intake.address')}
                    maxLength={500}
                    autoComplete="off"
                    {...form.getInputProps('contact.address')}
                  />
                  <Radio.Group label={t('reports.intake.language')} {...form.getInputProps('language')}>
                    <Group mt="xs" gap="lg">
                      <Radio value="vi" label={t('reports.intake.languageVi')} />
                      <Radio value="en" label={t('reports.intake.languageEn')} />
                    </Group>
                  </Radio.Group>
                </SimpleGrid>
              )}
            </Stack>
          </SectionCard>

          <ErrorAlert error={create.error} fields={intakeFields} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={reportsPath}>
              {t('reports.intake.cancel')}
            </Button>
            <Button type="submit" size="md" loading={create.isPending} data-testid="intake-submit">
              {t('reports.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
