import { Progress, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateReportRequest, type ReportReceipt } from '@khien/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SectionCard } from '../../ui/SectionCard';
import { SubmitButton } from '../../ui/SubmitButton';
import { useSubmitReport } from './api';
import { AreaFields } from './AreaFields';
import { ContactFields } from './ContactFields';
import { ErrorSummary } from './ErrorSummary';
import { EvidencePicker } from './EvidencePicker';
import { IdentifierRows } from './IdentifierRows';
import type { ReportPrefill } from './links';
import {
  emptyReport,
  fieldOrder,
  orderedErrorFields,
  toReportRequest,
  type ReportValues,
  type TransferField,
} from './requests';
import { StoryField } from './StoryField';
import { TransferRows } from './TransferRows';
import { citizenRules, requestFields, reportErrors, serverReportErrors } from './validate';
import { WhatHappened } from './WhatHappened';

type SectionName = 'what' | 'scammer' | 'money' | 'story' | 'evidence' | 'area' | 'contact';

/** The label an error summary gives a field (`transfers.1.amount` → "Lần chuyển tiền 2: Số tiền (đồng)"). */
function useFieldLabel() {
  const { t } = useTranslation();
  return (path: string): string => {
    const [head, index, leaf] = path.split('.');
    const n = Number(index) + 1;
    if (head === 'identifiers')
      return index === undefined ? t('reportForm.sections.scammer') : t('reportForm.identifier', { n });
    if (head === 'transfers')
      return index === undefined || leaf === undefined
        ? t('reportForm.sections.money')
        : `${t('reportForm.transfer', { n })}: ${t(`reportForm.${leaf as TransferField}`)}`;
    switch (head) {
      case 'provinceCode':
        return t('reference.province');
      case 'communeCode':
        return t('reference.commune');
      case 'evidence':
        return t('reportForm.sections.evidence');
      case 'scamMethod':
      case 'occurredAt':
      case 'channels':
      case 'totalLoss':
      case 'story':
      case 'fullName':
      case 'phone':
      case 'email':
      case 'address':
      case 'language':
        return t(`reportForm.${head}`);
      default:
        return path;
    }
  };
}

interface ReportFormProps {
  prefill: ReportPrefill;
  onSent: (receipt: ReportReceipt) => void;
}

/**
 * The citizen's report in seven short parts. Checked with the contract's schema before sending; on any
 * refusal everything typed and every chosen file stays, the errors are listed at the top with links, and
 * each one is also said beside its field.
 */
export function ReportForm({ prefill, onSent }: ReportFormProps) {
  const { t } = useTranslation();
  const send = useSubmitReport();
  const form = useForm<ReportValues>({
    initialValues: emptyReport(prefill, currentLanguage()),
    validate: (values) => reportErrors(values),
  });
  const [files, setFiles] = useState<File[]>([]);
  const labelOf = useFieldLabel();

  // After each refused attempt the focus goes to the list of what to correct, at the top.
  const [attempts, setAttempts] = useState(0);
  const problems = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempts > 0) problems.current?.focus();
  }, [attempts]);
  const refused = () => setAttempts((count) => count + 1);

  const submit = form.onSubmit(
    (values) => {
      const built = toReportRequest(values);
      send.mutate(
        { request: CreateReportRequest.parse(built.request), files },
        {
          onSuccess: onSent,
          onError: (error) => {
            form.setErrors(serverReportErrors(error, built.rows));
            refused();
          },
        },
      );
    },
    () => {
      // What the server said last time no longer applies: the list shows what is wrong now.
      send.reset();
      refused();
    },
  );

  const errors = orderedErrorFields(form.errors, fieldOrder(form.values)).map((path) => ({
    path,
    label: labelOf(path),
    message: String(form.errors[path]),
  }));
  const section = (step: number, name: SectionName) => ({
    id: `report-${name}`,
    title: `${step}. ${t(`reportForm.sections.${name}`)}`,
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('reportForm.formTitle')}>
      <Stack gap="lg">
        <div ref={problems} tabIndex={-1} style={{ outline: 'none' }}>
          <Stack gap="sm">
            <ErrorAlert error={send.error} fields={requestFields} />
            <ErrorSummary errors={errors} />
          </Stack>
        </div>
        <Text size="sm">{t('reportForm.requiredNote')}</Text>
        <SectionCard {...section(1, 'what')}>
          <WhatHappened form={form} />
        </SectionCard>
        <SectionCard {...section(2, 'scammer')}>
          <IdentifierRows form={form} prefilled={prefill.identifiers.length > 0} />
        </SectionCard>
        <SectionCard {...section(3, 'money')}>
          <TransferRows form={form} />
        </SectionCard>
        <SectionCard {...section(4, 'story')}>
          <StoryField form={form} min={citizenRules.storyMin} />
        </SectionCard>
        <SectionCard {...section(5, 'evidence')}>
          <EvidencePicker
            files={files}
            error={form.errors.evidence ? String(form.errors.evidence) : undefined}
            onChange={(chosen) => {
              setFiles(chosen);
              form.clearFieldError('evidence');
            }}
          />
        </SectionCard>
        <SectionCard {...section(6, 'area')}>
          <AreaFields form={form} />
        </SectionCard>
        <SectionCard {...section(7, 'contact')}>
          <ContactFields form={form} />
        </SectionCard>
        <Stack gap="xs">
          <SubmitButton loading={send.isPending} testId="report-submit" minWidth={260}>
            {t('reportForm.submit')}
          </SubmitButton>
          {send.progress !== null && (
            <Stack gap={4}>
              <Text size="sm">{t('reportForm.sending', { percent: Math.round(send.progress * 100) })}</Text>
              <Progress value={send.progress * 100} aria-label={t('reportForm.sendingLabel')} />
            </Stack>
          )}
        </Stack>
      </Stack>
    </form>
  );
}
