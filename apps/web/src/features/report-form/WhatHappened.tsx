import { Chip, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { ContactChannel, ScamMethod } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { fieldId, localDay, type ReportFormApi } from './requests';
import { citizenForm, useVariant, type FormVariant } from './variant';

interface WhatHappenedProps {
  form: ReportFormApi;
  variant?: FormVariant;
  /** When it happened with the time of day (staff, from a call or a letter), not the day alone. */
  withTime?: boolean;
}

/** The kind of scam, the day, and the channels the scammer used (chips: one tap each, no typing). */
export function WhatHappened({ form, variant = citizenForm, withTime = false }: WhatHappenedProps) {
  const { t } = useTranslation();
  const { word, testId } = useVariant(variant);
  const methods = ScamMethod.options.map((value) => ({ value, label: t(`scamMethod.${value}`) }));
  const channelsHelp = word('channelsHelp');
  const channelsError = form.errors.channels;
  return (
    <Stack gap="md">
      <SearchableSelect
        id={fieldId('scamMethod')}
        label={word('scamMethod')}
        description={word('scamMethodHelp')}
        placeholder={word('scamMethodPlaceholder')}
        nothingFoundMessage={t('reference.nothingFound')}
        required
        size="md"
        data={methods}
        maxDropdownHeight={320}
        data-testid={testId('method')}
        {...form.getInputProps('scamMethod')}
        value={form.values.scamMethod || null}
        onChange={(value) => form.setFieldValue('scamMethod', ScamMethod.safeParse(value).data ?? '')}
      />
      <TextInput
        id={fieldId('occurredAt')}
        label={word('occurredAt')}
        description={word('occurredAtHelp')}
        type={withTime ? 'datetime-local' : 'date'}
        size="md"
        max={withTime ? undefined : localDay()}
        w={{ base: '100%', xs: 260 }}
        data-testid={testId('occurred-at')}
        {...form.getInputProps('occurredAt')}
      />
      <Fieldset
        legend={word('channels')}
        variant="unstyled"
        aria-describedby={channelsHelp ? 'report-channels-help' : undefined}
        styles={{ legend: { fontWeight: 500, fontSize: 'var(--mantine-font-size-md)' } }}
      >
        {channelsHelp && (
          <Text size="sm" c="dimmed" mb="xs" id="report-channels-help">
            {channelsHelp}
          </Text>
        )}
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
                data-testid={testId(`channel-${channel}`)}
              >
                {word(`channel.${channel}`)}
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
