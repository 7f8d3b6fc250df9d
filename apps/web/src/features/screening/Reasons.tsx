import { List, Text } from '@mantine/core';
import type { ScreeningReason } from '@khien/contracts';
import { useTranslation } from 'react-i18next';

/** The reasons of a decision as the payer was told them, in the language shown. */
export function Reasons({ reasons }: { reasons: ScreeningReason[] }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('screening.reviews.noReason')}
      </Text>
    );
  return (
    <List size="sm" spacing={2} data-testid="screening-reasons">
      {reasons.map((reason) => (
        <List.Item key={`${reason.ruleId ?? ''}:${reason.code}`} data-code={reason.code}>
          {i18n.language === 'en' ? reason.text.en : reason.text.vi}
        </List.Item>
      ))}
    </List>
  );
}
