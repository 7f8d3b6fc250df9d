import { Button, Checkbox, Group, Radio, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ContactChannel, CreateStaffReportRequest } from '@khien/contracts';
import type { ParseKeys } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { reportsPath } from '../../app/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useCan, useCurrentMe } from '../auth/me-context';
import { AreaFields } from '../report-form/AreaFields';
import { ContactDetails, LanguageChoice } from '../report-form/ContactFields';
import { IdentifierLines } from '../report-form/IdentifierRows';
import { emptyReport, toStaffReportRequest, type ReportValues } from '../report-form/requests';
import { StoryField } from '../report-form/StoryField';
import { TransferRows } from '../report-form/TransferRows';
import { reportErrors, serverReportErrors, staffRequestFields, staffRules } from '../report-form/validate';
import type { FormVariant } from '../report-form/variant';
import { WhatHappened } from '../report-form/WhatHappened';
import { useCreateStaffReport } from './api';
import { BackLink } from './DetailQuery';
import { useStaffChannelOptions } from './labels';
import { reportPath } from './links';

/**
 * The citizen's report form, as staff fill it in: `intake-…` test ids, and the staff's own words
 * (reports.intake) where they differ, or none where the intake says nothing.
 */
const intake: FormVariant = {
  testIdPrefix: 'intake',
  numberedRows: true,
  words: {
    scamMethod: 'reports.intake.method',
    scamMethodHelp: null,
    scamMethodPlaceholder: 'reports.intake.methodPlaceholder',
    occurredAt: 'reports.intake.occurredAt',
    occurredAtHelp: 'reports.intake.occurredAtHelp',
    channels: 'reports.intake.channels',
    channelsHelp: null,
    ...(Object.fromEntries(
      ContactChannel.options.map((channel) => [`channel.${channel}`, `reports.contactChannel.${channel}`]),
    ) as Record<`channel.${ContactChannel}`, ParseKeys>),
    moneyHelp: 'reports.intake.transfersHelp',
    noTransfers: null,
    transfer: 'reports.intake.transferN',
    removeTransfer: 'reports.intake.removeTransfer',
    addTransfer: 'reports.intake.addTransfer',
    toBank: 'reports.intake.toBank',
    toBankPlaceholder: null,
    toAccount: 'reports.intake.toAccount',
    amount: 'reports.intake.amount',
    at: 'reports.intake.at',
    reference: 'reports.intake.reference',
    referenceHelp: null,
    fromTitle: null,
    fromHelp: 'reports.intake.fromAccountHelp',
    fromBank: 'reports.intake.fromBank',
    fromAccount: 'reports.intake.fromAccount',
    totalLoss: 'reports.intake.totalLoss',
    story: 'reports.intake.story',
    storyHelp: 'reports.intake.storyHelp',
    storyCount: null,
    areaHelp: null,
    contactHelp: null,
    fullName: 'reports.intake.fullName',
    phone: 'reports.intake.phone',
    email: 'reports.intake.email',
    address: 'reports.intake.address',
    language: 'reports.intake.language',
    languageVi: 'reports.intake.languageVi',
    languageEn: 'reports.intake.languageEn',
  },
};

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
  const form = useForm<ReportValues>({
    initialValues: {
      ...emptyReport({ identifiers: [], scamMethod: null }, 'vi'),
      // Most reports come from the unit's own province; a reporter is anonymous until a contact is given.
      provinceCode: me.agency.provinceCode,
      anonymous: true,
    },
    validate: (values) => reportErrors(values, staffRules),
  });
  const withContact = !form.values.anonymous;

  // The first field in error, in the order the form shows them.
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input')
        ?.focus(),
    );

  const submit = form.onSubmit((values) => {
    const { request, rows } = toStaffReportRequest(values);
    create.mutate(CreateStaffReportRequest.parse(request), {
      onSuccess: (report) => {
        notifications.show({
          color: 'teal',
          message: t('reports.intake.created', { code: report.trackingCode }),
        });
        void navigate(reportPath(report.id));
      },
      onError: (error) => {
        form.setErrors(serverReportErrors(error, rows, staffRules));
        focusFirstError();
      },
    });
  }, focusFirstError);

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
              <WhatHappened form={form} variant={intake} withTime />
              <IdentifierLines
                form={form}
                label={t('reports.intake.identifiers')}
                description={t('reports.intake.identifiersHelp')}
                testId="intake-identifiers"
              />
              <StoryField form={form} variant={intake} min={staffRules.storyMin} />
            </Stack>
          </SectionCard>

          <SectionCard id="intake-place" title={t('reports.intake.placeTitle')}>
            <AreaFields form={form} variant={intake} />
          </SectionCard>

          <SectionCard id="intake-transfers" title={t('reports.intake.transfersTitle')}>
            <TransferRows form={form} variant={intake} />
          </SectionCard>

          <SectionCard id="intake-contact" title={t('reports.intake.contactTitle')}>
            <Stack>
              <Checkbox
                label={t('reports.intake.withContact')}
                description={t('reports.intake.withContactHelp')}
                data-testid="intake-with-contact"
                checked={withContact}
                onChange={(event) => form.setFieldValue('anonymous', !event.currentTarget.checked)}
              />
              {withContact && (
                <>
                  <ContactDetails form={form} variant={intake} />
                  <LanguageChoice form={form} variant={intake} />
                </>
              )}
            </Stack>
          </SectionCard>

          <ErrorAlert error={create.error} fields={staffRequestFields} />
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
