import { Checkbox, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { usePoliceAgencies } from './api';
import type { ReviewValues } from './review';

/**
 * The optional suspicious-account notice to the police (Circular 17/2024) of a fraud confirmation:
 * a checkbox, then the police agency and the holder's details. Shared by held transfers and flagged accounts.
 */
export function NoticeFields({ form }: { form: UseFormReturnType<ReviewValues> }) {
  const { t } = useTranslation();
  const police = usePoliceAgencies(form.values.sendNotice);
  const policeOptions = (police.data?.items ?? []).map((agency) => ({
    value: agency.id,
    label: agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name,
  }));
  return (
    <>
      <Checkbox
        label={t('screening.reviewForm.sendNotice')}
        description={t('screening.reviewForm.sendNoticeHelp')}
        data-testid="screening-review-send-notice"
        {...form.getInputProps('sendNotice', { type: 'checkbox' })}
      />
      {form.values.sendNotice && (
        <Fieldset legend={t('screening.reviewForm.noticeTitle')} data-testid="screening-review-notice">
          <Stack gap="sm">
            <SearchableSelect
              label={t('screening.reviewForm.policeAgency')}
              placeholder={t('screening.reviewForm.policeAgencyPlaceholder')}
              nothingFoundMessage={t('screening.reviewForm.policeNone')}
              data={policeOptions}
              required
              disabled={police.isPending}
              data-testid="screening-review-police"
              {...form.getInputProps('policeAgencyId')}
            />
            {police.isSuccess && policeOptions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('screening.reviewForm.policeNone')}
              </Text>
            )}
            <ErrorAlert error={police.error} />
            <TextInput
              label={t('screening.reviewForm.holderName')}
              required
              maxLength={200}
              autoComplete="off"
              data-testid="screening-review-holder-name"
              {...form.getInputProps('holderName')}
            />
            <TextInput
              label={t('screening.reviewForm.idNumber')}
              description={t('screening.reviewForm.idNumberHelp')}
              required
              maxLength={20}
              autoComplete="off"
              data-testid="screening-review-id-number"
              {...form.getInputProps('idNumber')}
            />
            <TextInput
              label={t('screening.reviewForm.ebankingPhone')}
              description={t('common.optional')}
              type="tel"
              inputMode="tel"
              maxLength={20}
              autoComplete="off"
              data-testid="screening-review-phone"
              {...form.getInputProps('ebankingPhone')}
            />
            <TextInput
              label={t('screening.reviewForm.reasonCode')}
              description={t('screening.reviewForm.reasonCodeHelp')}
              required
              maxLength={20}
              data-testid="screening-review-reason-code"
              {...form.getInputProps('reasonCode')}
            />
          </Stack>
        </Fieldset>
      )}
    </>
  );
}
