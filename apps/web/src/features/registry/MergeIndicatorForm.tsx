import { Alert, Badge, Group, Loader, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { MergeIndicatorRequest, type Indicator, type IndicatorDetail } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { formatNumber } from '../../ui/format';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { useIndicatorSearch, useMergeIndicator } from './api';
import { StatusBadge } from './badges';
import { mergeCandidates, mergeSearchLimit } from './merge';
import { toMergeRequest, type MergeValues } from './requests';

const fields = ['intoId', 'reason'] as const;

const checkRequest = schemaValidator(MergeIndicatorRequest, toMergeRequest);

interface MergeIndicatorFormProps {
  indicator: IndicatorDetail;
  onMerged: (kept: Indicator) => void;
  onCancel: () => void;
}

/**
 * Merges an entry into another that records the same thing under another key: the entry to keep is
 * found in the registry, and the reason is kept in the history of both.
 */
export function MergeIndicatorForm({ indicator, onMerged, onCancel }: MergeIndicatorFormProps) {
  const { t } = useTranslation();
  const merge = useMergeIndicator(indicator.id);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const results = useIndicatorSearch(q, mergeSearchLimit);
  const [chosen, setChosen] = useState<Indicator | null>(null);
  const form = useForm<MergeValues>({
    initialValues: { intoId: '', reason: '' },
    validate: (values) => {
      const errors = checkRequest(values);
      if (!values.intoId) errors.intoId = t('indicators.merge.pickRequired');
      return errors;
    },
  });
  const found = q && results.data ? results.data : null;
  const candidates = mergeCandidates(found?.items ?? [], indicator.id, chosen);

  const submit = form.onSubmit((values) =>
    merge.mutate(MergeIndicatorRequest.parse(toMergeRequest(values)), {
      onSuccess: onMerged,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    }),
  );

  const pick = (intoId: string) => {
    form.setFieldValue('intoId', intoId);
    form.clearFieldError('intoId');
    setChosen(candidates.find((candidate) => candidate.id === intoId) ?? null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('indicators.merge.explain', { display: indicator.display })}</Text>
        <ErrorAlert error={merge.error} fields={fields} />
        <TextInput
          label={t('indicators.merge.searchLabel')}
          placeholder={t('indicators.merge.searchPlaceholder')}
          type="search"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          // Enter searches (as it does anyway while typing); it does not submit the merge.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
          rightSection={results.isFetching ? <Loader size="xs" /> : null}
          data-testid="indicator-merge-search"
        />
        <Radio.Group
          label={t('indicators.merge.keep')}
          required
          {...form.getInputProps('intoId')}
          onChange={pick}
        >
          <Stack mt="xs" gap="xs">
            {candidates.map((candidate) => (
              <Radio.Card
                key={candidate.id}
                value={candidate.id}
                p="sm"
                radius="md"
                data-testid="indicator-merge-option"
                data-indicator-id={candidate.id}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <Stack gap={4} miw={0}>
                    <Text fw={600} className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
                      {candidate.display}
                    </Text>
                    <Group gap="xs">
                      <Badge variant="light" tt="none" miw="max-content">
                        {t(`indicatorKind.${candidate.kind}`)}
                      </Badge>
                      <StatusBadge status={candidate.status} />
                      <Text size="xs" c="dimmed">
                        {t('indicators.merge.reportCount', { reports: formatNumber(candidate.reportCount) })}
                      </Text>
                    </Group>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
          {!q ? (
            <Text size="sm" c="dimmed">
              {t('indicators.merge.searchHint')}
            </Text>
          ) : results.isError ? (
            <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
          ) : found && candidates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('indicators.merge.noResults')}
            </Text>
          ) : found && found.total > found.items.length ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('indicators.merge.tooMany', {
                total: formatNumber(found.total),
                shown: formatNumber(found.items.length),
              })}
            </Text>
          ) : null}
        </Radio.Group>
        {chosen && (
          <Alert color="orange" variant="light">
            {t('indicators.merge.warning', { from: indicator.display, into: chosen.display })}
          </Alert>
        )}
        <Textarea
          label={t('indicators.reason')}
          description={t('indicators.merge.reasonHelp')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          data-testid="indicator-merge-reason"
          {...form.getInputProps('reason')}
        />
        <FormActions
          submitLabel={t('indicators.merge.submit')}
          submitTestId="indicator-merge-submit"
          pending={merge.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
