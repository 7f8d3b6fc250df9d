import { Chip, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { ContactChannel, ScamMethod } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { fieldId, localDay, type ReportFormApi } from './requests';

/** The kind of scam, the day, and the channels the scammer used (chips: one tap each, no typing). */
export function WhatHappened({ form }: { form: ReportFormApi }) {
  const { t } = useTranslation();
  const methods = ScamMethod.options.map((value) => ({ value, label: t(`scamMethod.${value}`) }));
  const channelsError = form.errors.channels;
  return (
    <Stack gap="md">
      <SearchableSelect
        id={fieldId('scamMethod')}
        label={t('reportForm.scamMethod')}
        description={t('reportForm.scamMethodHelp')}
        placeholder={t('reportForm.scamMethodPlaceholder')}
        nothingFoundMessage={t('reference.nothingFound')}
        required
        size="md"
        data={methods}
        maxDropdownHeight={320}
        data-testid="report-method"
        {...form.getInputProps('scamMethod')}
        value={form.values.scamMethod || null}
        onChange={(value) => form.setFieldValue('scamMethod', ScamMethod.safeParse(value).data ?? '')}
      />
      <TextInput
        id={fieldId('occurredAt')}
        label={t('reportForm.occurredAt')}
        description={t('reportForm.occurredAtHelp')}
        type="date"
        size="md"
        max={localDay()}
        w={{ base: '100%', xs: 260 }}
        data-testid="report-occurred-at"
        {...form.getInputProps('occurredAt')}
      />
      <Fieldset
        legend={t('reportForm.channels')}
        variant="unstyled"
        aria-describedby="report-channels-help"
        styles={{ legend: { fontWeight: 500, fontSize: 'var(--mantine-font-size-md)' } }}
      >
        <Text size="sm" c="dimmed" mb="xs" id="report-channels-help">
          {t('reportForm.channelsHelp')}
        </Text>
        <Chip.Group
          multiple
          value={form.values.channels}
          onChange={(value) =>
            form.setFieldValue(
              'channels',
              value.filter((channel) => ContactChannel.safeParse(channel).success) as ContactChannel[],
            )
          }
        >
          <Group gap="xs">
            {ContactChannel.options.map((channel, index) => (
              <Chip
                key={channel}
                value={channel}
                id={index === 0 ? fieldId('channels') : undefined}
                size="md"
                variant="outline"
                data-testid={`report-channel-${channel}`}
              >
                {t(`reportForm.channel.${channel}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {channelsError && (
          <Text size="sm" c="red.8" mt={4}>
            {channelsError}
          </Text>
        )}
      </Fieldset>
    </Stack>
  );
}
