import { Alert, Radio, SimpleGrid, Stack, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import {
  ChangeReportStatusRequest,
  ExtendReportDeadlineRequest,
  ReportNoteRequest,
  TransferReportRequest,
  type ReportDetail,
  type ReportStatus,
} from '@khien/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ActionFrame } from '../../ui/ActionFrame';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { formatDay } from '../appeals/format';
import { useAgencies } from '../agencies/api';
import { useUsers } from '../users/api';
import {
  useAddReportNote,
  useAssignReport,
  useChangeReportStatus,
  useExtendReportDeadline,
  useTransferReport,
} from './api';
import { extensionChoices } from './deadline';
import {
  decisionsFor,
  emptyStatus,
  toAssignRequest,
  toExtendRequest,
  toStatusRequest,
  toTransferRequest,
  type AssignValues,
  type ExtendValues,
  type StatusValues,
  type TransferUnitValues,
} from './requests';

export interface ActionFormProps {
  report: ReportDetail;
  onDone: (report: ReportDetail) => void;
  onCancel: () => void;
}

/** A reason or text box, kept in the report's history. */
function ReasonBox(props: TextareaProps & { 'data-testid': string }) {
  return <Textarea autosize minRows={3} maxRows={8} maxLength={2000} {...props} />;
}

const statusFields = ['decision', 'reason', 'publicMessage'] as const;

/** A move the status table allows, with the decision when one is needed, the grounds and a word to the reporter. */
export function StatusForm({ report, to, onDone, onCancel }: ActionFormProps & { to: ReportStatus }) {
  const { t } = useTranslation();
  const change = useChangeReportStatus(report.id);
  const decisions = decisionsFor(report, to);
  const form = useForm<StatusValues>({
    initialValues: emptyStatus,
    validate: (values) => {
      const errors = schemaValidator(ChangeReportStatusRequest, (v: StatusValues) => toStatusRequest(to, v))(
        values,
      );
      if (decisions.length > 0 && !values.decision)
        errors.decision = t('reports.statusForm.decisionRequired');
      return errors;
    },
  });
  const submit = form.onSubmit((values) =>
    change.mutate(toStatusRequest(to, values), {
      onSuccess: onDone,
      onError: (error) => form.setErrors(serverFieldErrors(error, statusFields)),
    }),
  );
  return (
    <ActionFrame
      mutation={change}
      fields={statusFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('reports.statusForm.submit')}
      submitTestId="report-status-submit"
    >
      {decisions.length > 0 && (
        <Radio.Group label={t('reports.statusForm.decision')} required {...form.getInputProps('decision')}>
          <Stack mt="xs" gap="sm">
            {decisions.map((decision) => (
              <Radio
                key={decision}
                value={decision}
                label={t(`reports.decision.${decision}`)}
                description={t(`reports.decisionHelp.${decision}`)}
                data-testid={`report-decision-${decision}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <ReasonBox
        label={t('reports.statusForm.reason')}
        description={t('reports.statusForm.reasonHelp')}
        required
        data-autofocus={decisions.length === 0 || undefined}
        data-testid="report-status-reason"
        {...form.getInputProps('reason')}
      />
      <ReasonBox
        label={t('reports.statusForm.publicMessage')}
        description={t('reports.statusForm.publicMessageHelp')}
        minRows={2}
        maxLength={1000}
        data-testid="report-status-message"
        {...form.getInputProps('publicMessage')}
      />
    </ActionFrame>
  );
}

const assignFields = ['userId', 'reason'] as const;

/** A supervisor gives the report to an officer of the handling unit, or takes it back. */
export function AssignForm({ report, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const assign = useAssignReport(report.id);
  const form = useForm<AssignValues>({ initialValues: { userId: report.assignedUserId ?? '', reason: '' } });
  const submit = form.onSubmit((values) =>
    assign.mutate(toAssignRequest(values), {
      onSuccess: onDone,
      onError: (error) => form.setErrors(serverFieldErrors(error, assignFields)),
    }),
  );
  return (
    <ActionFrame
      mutation={assign}
      fields={assignFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('reports.assignForm.submit')}
      submitTestId="report-assign-submit"
    >
      {report.assignedUserName && (
        <Text size="sm">{t('reports.assignForm.current', { name: report.assignedUserName })}</Text>
      )}
      {report.handlingAgencyId ? (
        <OfficerSelect
          agencyId={report.handlingAgencyId}
          current={
            report.assignedUserId ? { id: report.assignedUserId, name: report.assignedUserName } : null
          }
          value={form.values.userId}
          onChange={(userId) => form.setFieldValue('userId', userId)}
          error={form.errors.userId}
        />
      ) : (
        <Alert color="orange" variant="light">
          {t('reports.assignForm.noUnit')}
        </Alert>
      )}
      <ReasonBox
        label={t('reports.assignForm.reason')}
        description={t('reports.assignForm.reasonHelp')}
        minRows={2}
        data-testid="report-assign-reason"
        {...form.getInputProps('reason')}
      />
    </ActionFrame>
  );
}

/** The active officers and leaders of the handling unit; '' is "nobody". */
function OfficerSelect({
  agencyId,
  current,
  value,
  onChange,
  error,
}: {
  agencyId: string;
  current: { id: string; name: string | null } | null;
  value: string;
  onChange: (userId: string) => void;
  error: ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useUsers(agencyId, { q: q || undefined, limit: 100, offset: 0 });
  const options = [
    { value: '', label: t('reports.assignForm.unassign') },
    ...(users.data?.items ?? [])
      .filter((user) => user.active && (user.roles.includes('officer') || user.roles.includes('supervisor')))
      .map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` })),
  ];
  // The current officer stays choosable while a search hides them.
  if (current && !options.some((option) => option.value === current.id))
    options.push({ value: current.id, label: current.name ?? current.id });
  return (
    <>
      <SearchableSelect
        label={t('reports.assignForm.officer')}
        placeholder={t('reports.assignForm.officerPlaceholder')}
        data={options}
        value={value}
        onChange={(next) => onChange(next ?? '')}
        onSearchChange={setSearch}
        nothingFoundMessage={users.isFetching ? t('common.loading') : t('reference.nothingFound')}
        error={error}
        maxDropdownHeight={280}
        data-autofocus
        data-testid="report-assign-user"
      />
      <ErrorAlert error={users.error} />
    </>
  );
}

const noteFields = ['text'] as const;
const validateNote = schemaValidator(ReportNoteRequest, (values: { text: string }) => ({
  text: values.text.trim(),
}));

/** An internal note, appended to the timeline. */
export function NoteForm({ report, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const note = useAddReportNote(report.id);
  const form = useForm({ initialValues: { text: '' }, validate: validateNote });
  const submit = form.onSubmit((values) =>
    note.mutate(
      { text: values.text.trim() },
      { onSuccess: onDone, onError: (error) => form.setErrors(serverFieldErrors(error, noteFields)) },
    ),
  );
  return (
    <ActionFrame
      mutation={note}
      fields={noteFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('reports.noteForm.submit')}
      submitTestId="report-note-submit"
    >
      <ReasonBox
        label={t('reports.noteForm.text')}
        description={t('reports.noteForm.help')}
        required
        maxLength={5000}
        data-autofocus
        data-testid="report-note-text"
        {...form.getInputProps('text')}
      />
    </ActionFrame>
  );
}

const transferFields = ['agencyId', 'reason'] as const;
const validateTransfer = schemaValidator(TransferReportRequest, toTransferRequest);

/** Sends the report to another police unit (provincial or commune), which takes it over. */
export function TransferForm({ report, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const transfer = useTransferReport(report.id);
  const form = useForm<TransferUnitValues>({
    initialValues: { agencyId: null, reason: '' },
    validate: validateTransfer,
  });
  const submit = form.onSubmit((values) =>
    transfer.mutate(TransferReportRequest.parse(toTransferRequest(values)), {
      onSuccess: onDone,
      onError: (error) => form.setErrors(serverFieldErrors(error, transferFields)),
    }),
  );
  return (
    <ActionFrame
      mutation={transfer}
      fields={transferFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('reports.transferForm.submit')}
      submitTestId="report-transfer-submit"
    >
      <Text size="sm">{t('reports.transferForm.intro')}</Text>
      <PoliceUnitSelect exclude={report.handlingAgencyId} {...form.getInputProps('agencyId')} />
      <ReasonBox
        label={t('reports.transferForm.reason')}
        description={t('reports.transferForm.reasonHelp')}
        required
        data-testid="report-transfer-reason"
        {...form.getInputProps('reason')}
      />
    </ActionFrame>
  );
}

/** Active provincial and commune police units, searched by name on the server; not the current one. */
function PoliceUnitSelect({
  exclude,
  value,
  onChange,
  error,
}: {
  exclude: string | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = { q: q || undefined, limit: 50, offset: 0 };
  const provincial = useAgencies({ ...query, type: 'police_province' });
  const communal = useAgencies({ ...query, type: 'police_commune' });
  const options = [...(provincial.data?.items ?? []), ...(communal.data?.items ?? [])]
    .filter((agency) => agency.active && agency.id !== exclude)
    .map((agency) => ({ value: agency.id, label: agency.name }));
  return (
    <>
      <SearchableSelect
        label={t('reports.transferForm.agency')}
        placeholder={t('reports.transferForm.agencyPlaceholder')}
        required
        data={options}
        value={value ?? null}
        onChange={(next) => onChange?.(next)}
        onSearchChange={setSearch}
        nothingFoundMessage={
          provincial.isFetching || communal.isFetching ? t('common.loading') : t('reference.nothingFound')
        }
        error={error}
        maxDropdownHeight={280}
        data-autofocus
        data-testid="report-transfer-agency"
      />
      <ErrorAlert error={provincial.error ?? communal.error} />
    </>
  );
}

const extendFields = ['extension', 'months', 'reason'] as const;
const validateExtend = schemaValidator(ExtendReportDeadlineRequest, toExtendRequest);

/** The extensions of art. 147 still open to the report, for one or two months, with the grounds. */
export function ExtendForm({ report, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const extend = useExtendReportDeadline(report.id);
  const choices = extensionChoices(report.extensions);
  const first = choices.find((choice) => choice.available)?.extension ?? '';
  const form = useForm<ExtendValues>({
    initialValues: { extension: first, months: '2', reason: '' },
    validate: validateExtend,
  });
  const submit = form.onSubmit((values) =>
    extend.mutate(ExtendReportDeadlineRequest.parse(toExtendRequest(values)), {
      onSuccess: onDone,
      onError: (error) => form.setErrors(serverFieldErrors(error, extendFields)),
    }),
  );
  return (
    <ActionFrame
      mutation={extend}
      fields={extendFields}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('reports.extendForm.submit')}
      submitTestId="report-extend-submit"
    >
      <Text size="sm">{t('reports.extendForm.intro', { date: formatDay(report.dueAt) })}</Text>
      <Radio.Group label={t('reports.extendForm.extension')} required {...form.getInputProps('extension')}>
        <Stack mt="xs" gap="sm">
          {choices.map((choice) => (
            <Radio
              key={choice.extension}
              value={choice.extension}
              disabled={!choice.available}
              label={t(`reports.extension.${choice.extension}`)}
              description={
                choice.blocked === 'used'
                  ? t('reports.extendForm.used')
                  : choice.blocked === 'needsComplex'
                    ? t('reports.extendForm.needsComplex')
                    : t(`reports.extendForm.${choice.extension}Help`)
              }
              data-testid={`report-extension-${choice.extension}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group label={t('reports.extendForm.months')} required {...form.getInputProps('months')}>
        <SimpleGrid cols={2} mt="xs" maw={280}>
          {['1', '2'].map((months) => (
            <Radio
              key={months}
              value={months}
              label={t('reports.extendForm.month', { count: Number(months) })}
            />
          ))}
        </SimpleGrid>
      </Radio.Group>
      <ReasonBox
        label={t('reports.extendForm.reason')}
        description={t('reports.extendForm.reasonHelp')}
        required
        data-testid="report-extend-reason"
        {...form.getInputProps('reason')}
      />
    </ActionFrame>
  );
}
