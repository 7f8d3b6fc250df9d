import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The spinner shown while a page's data loads. Mantine's Loader is a plain `span`, which may not
 * carry an `aria-label` (axe: aria-prohibited-attr), so the spinner is hidden from assistive
 * technology and the status region says "loading" in text.
 */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="40vh" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
