import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './PageHeader';

export function NotFound({ home = '/' }: { home?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('shell.notFoundTitle')} · ${t('common.appName')}`);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('shell.notFoundTitle')}</Title>
        <Text>{t('shell.notFound')}</Text>
        <Anchor component={Link} to={home}>
          {t('shell.goHome')}
        </Anchor>
      </Stack>
    </Container>
  );
}
