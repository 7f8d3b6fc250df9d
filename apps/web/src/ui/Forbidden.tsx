import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './PageHeader';

export function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('errors.title')} · ${t('common.appName')}`);
  return (
    <Alert color="red" variant="light" title={t('errors.title')}>
      {t('shell.forbidden')}
    </Alert>
  );
}
