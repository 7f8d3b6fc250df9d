import { Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId, type ReportFormApi, type ReportLanguage } from './requests';

/**
 * Contact details or an anonymous report, chosen first and explained both ways; then the language of the
 * messages the unit sends. Details typed before choosing "anonymous" stay in the form but are not sent.
 */
export function ContactFields({ form }: { form: ReportFormApi }) {
  const { t } = useTranslation();
  const anonymous = form.values.anonymous;
  const input = (field: 'fullName' | 'phone' | 'email' | 'address') => ({
    id: fieldId(field),
    size: 'md' as const,
    'data-testid': `report-${field}`,
    ...form.getInputProps(field),
  });
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('reportForm.contactChoice')}
        size="md"
        value={anonymous ? 'anonymous' : 'contact'}
        onChange={(value) => form.setFieldValue('anonymous', value === 'anonymous')}
      >
        <Stack mt="xs" gap="sm">
          <Radio
            value="contact"
            label={t('reportForm.withContact')}
            description={t('reportForm.withContactHelp')}
            data-testid="report-with-contact"
          />
          <Radio
            value="anonymous"
            label={t('reportForm.anonymous')}
            description={t('reportForm.anonymousHelp')}
            data-testid="report-anonymous"
          />
        </Stack>
      </Radio.Group>
      {!anonymous && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('reportForm.contactHelp')}
          </Text>
          <TextInput
            label={t('reportForm.fullName')}
            required
            autoComplete="name"
            maxLength={200}
            {...input('fullName')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('reportForm.phone')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              {...input('phone')}
            />
            <TextInput
              label={t('reportForm.email')}
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              maxLength={200}
              {...input('email')}
            />
          </SimpleGrid>
          <TextInput
            label={t('reportForm.address')}
            autoComplete="street-address"
            maxLength={500}
            {...input('address')}
          />
        </Stack>
      )}
      <Radio.Group
        label={t('reportForm.language')}
        size="md"
        {...form.getInputProps('language')}
        onChange={(value) => form.setFieldValue('language', value as ReportLanguage)}
      >
        <Stack mt="xs" gap="sm">
          <Radio id={fieldId('language')} value="vi" label={t('reportForm.languageVi')} />
          <Radio value="en" label={t('reportForm.languageEn')} />
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
