import { Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId, type ReportFormApi, type ReportLanguage } from './requests';
import { citizenForm, useVariant, type FormVariant } from './variant';

interface ContactProps {
  form: ReportFormApi;
  variant?: FormVariant;
}

/**
 * Contact details or an anonymous report, chosen first and explained both ways; then the language of the
 * messages the unit sends. Details typed before choosing "anonymous" stay in the form but are not sent.
 */
export function ContactFields({ form }: { form: ReportFormApi }) {
  const { t } = useTranslation();
  const anonymous = form.values.anonymous;
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
      {!anonymous && <ContactDetails form={form} />}
      <LanguageChoice form={form} />
    </Stack>
  );
}

/** The reporter's name, and a phone or an email (at least one) for the unit to call back or write to. */
export function ContactDetails({ form, variant = citizenForm }: ContactProps) {
  const { word, testId } = useVariant(variant);
  const input = (field: 'fullName' | 'phone' | 'email' | 'address') => ({
    id: fieldId(field),
    size: 'md' as const,
    label: word(field),
    'data-testid': testId(field),
    ...form.getInputProps(field),
  });
  const help = word('contactHelp');
  return (
    <Stack gap="sm">
      {help && (
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      )}
      <TextInput required autoComplete="name" maxLength={200} {...input('fullName')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="tel" inputMode="tel" autoComplete="tel" maxLength={20} {...input('phone')} />
        <TextInput
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={200}
          {...input('email')}
        />
      </SimpleGrid>
      <TextInput autoComplete="street-address" maxLength={500} {...input('address')} />
    </Stack>
  );
}

/** The language of the messages the unit sends the reporter. */
export function LanguageChoice({ form, variant = citizenForm }: ContactProps) {
  const { word } = useVariant(variant);
  return (
    <Radio.Group
      label={word('language')}
      size="md"
      {...form.getInputProps('language')}
      onChange={(value) => form.setFieldValue('language', value as ReportLanguage)}
    >
      <Stack mt="xs" gap="sm">
        <Radio id={fieldId('language')} value="vi" label={word('languageVi')} />
        <Radio value="en" label={word('languageEn')} />
      </Stack>
    </Radio.Group>
  );
}
