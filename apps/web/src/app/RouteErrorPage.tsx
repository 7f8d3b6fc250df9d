import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotFound } from '../ui/NotFound';

/** Shown when a route fails to render or its code fails to load (a new version was deployed meanwhile). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  console.error(error);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('errors.title')}</Title>
        <Text>{t('shell.loadFailed')}</Text>
        <Button onClick={() => window.location.reload()} w="fit-content">
          {t('common.reload')}
        </Button>
      </Stack>
    </Container>
  );
}
