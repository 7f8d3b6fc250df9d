import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** One button that switches between Vietnamese and English; the choice is kept on this device. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      lang={next}
      aria-label={t('language.switchToLabel')}
      onClick={() => setLanguage(next)}
      data-testid="language-switch"
    >
      {t('language.switchTo')}
    </Button>
  );
}
