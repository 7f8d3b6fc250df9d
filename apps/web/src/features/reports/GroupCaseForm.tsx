import { Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { AddCaseReportsRequest, CreateCaseRequest, type CaseDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { useAddCaseReports, useCases, useCreateCase } from './api';
import { toAddReportsRequest, toCreateCaseRequest, type GroupValues } from './requests';

const fields = ['title', 'caseId', 'reason', 'reportIds'] as const;

interface GroupCaseFormProps {
  /** The reports to group, shown by their codes. */
  reports: { id: string; trackingCode: string }[];
  /** The case to add to: the choice is then fixed (a report's own case). */
  fixedCase?: { id: string; code: string; title: string } | undefined;
  onDone: (found: CaseDetail) => void;
  onCancel: () => void;
}

/** Groups reports into a new case (a title) or an existing one, with the grounds kept in each report's history. */
export function GroupCaseForm({ reports, fixedCase, onDone, onCancel }: GroupCaseFormProps) {
  const { t } = useTranslation();
  const create = useCreateCase();
  const add = useAddCaseReports();
  const reportIds = reports.map((report) => report.id);
  const form = useForm<GroupValues>({
    initialValues: {
      mode: fixedCase ? 'existing' : 'new',
      title: '',
      caseId: fixedCase?.id ?? null,
      reason: '',
    },
    validate: (values) =>
      values.mode === 'new'
        ? schemaValidator(CreateCaseRequest, (v: GroupValues) => toCreateCaseRequest(v, reportIds))(values)
        : {
            ...schemaValidator(AddCaseReportsRequest, (v: GroupValues) => toAddReportsRequest(v, reportIds))(
              values,
            ),
            ...(values.caseId ? {} : { caseId: t('fieldErrors.required') }),
          },
  });
  const pending = create.isPending || add.isPending;
  const error = form.values.mode === 'new' ? create.error : add.error;

  const finish = (found: CaseDetail, key: 'created' | 'added') => {
    notifications.show({ color: 'teal', message: t(`reports.group.${key}`, { code: found.code }) });
    onDone(found);
  };
  const onError = (failure: unknown) => form.setErrors(serverFieldErrors(failure, fields));

  const submit = form.onSubmit((values) => {
    if (values.mode === 'new') {
      create.mutate(toCreateCaseRequest(values, reportIds), {
        onSuccess: (found) => finish(found, 'created'),
        onError,
      });
    } else if (values.caseId) {
      add.mutate(
        { caseId: values.caseId, request: toAddReportsRequest(values, reportIds) },
        { onSuccess: (found) => finish(found, 'added'), onError },
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} fields={fields} />
        <div>
          <Text size="sm" fw={500}>
            {t('reports.group.reports', { count: reports.length })}
          </Text>
          <Text size="sm" className="khien-mono" data-testid="group-report-codes">
            {reports.map((report) => report.trackingCode).join(', ')}
          </Text>
        </div>
        {!fixedCase && (
          <Radio.Group label={t('reports.group.mode')} {...form.getInputProps('mode')}>
            <Group mt="xs" gap="lg">
              <Radio value="new" label={t('reports.group.modeNew')} data-testid="group-mode-new" />
              <Radio
                value="existing"
                label={t('reports.group.modeExisting')}
                data-testid="group-mode-existing"
              />
            </Group>
          </Radio.Group>
        )}
        {form.values.mode === 'new' ? (
          <TextInput
            label={t('reports.group.caseTitle')}
            placeholder={t('reports.group.caseTitlePlaceholder')}
            required
            maxLength={300}
            data-autofocus
            data-testid="group-title"
            {...form.getInputProps('title')}
          />
        ) : fixedCase ? (
          <div>
            <Text size="sm" fw={500}>
              {t('reports.group.case')}
            </Text>
            <Text size="sm">
              <Text span className="khien-mono" fw={600}>
                {fixedCase.code}
              </Text>{' '}
              · {fixedCase.title}
            </Text>
          </div>
        ) : (
          <CaseSelect {...form.getInputProps('caseId')} />
        )}
        <Textarea
          label={t('reports.group.reason')}
          description={t('reports.group.reasonHelp')}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          data-testid="group-reason"
          {...form.getInputProps('reason')}
        />
        <FormActions
          submitLabel={t(
            form.values.mode === 'new' ? 'reports.group.submitNew' : 'reports.group.submitExisting',
          )}
          submitTestId="group-submit"
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** The unit's cases, newest first (the 200 most recent; a case to extend is rarely older). */
function CaseSelect(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const cases = useCases({ limit: 200, offset: 0 });
  const options = (cases.data?.items ?? []).map((found) => ({
    value: found.id,
    label: `${found.code} · ${found.title}`,
  }));
  return (
    <SearchableSelect
      label={t('reports.group.case')}
      placeholder={t('reports.group.casePlaceholder')}
      required
      nothingFoundMessage={cases.isFetching ? t('common.loading') : t('reference.nothingFound')}
      data={options}
      value={props.value ?? null}
      onChange={(value) => props.onChange?.(value)}
      error={typeof props.error === 'string' ? props.error : undefined}
      maxDropdownHeight={280}
      data-testid="group-case"
    />
  );
}
