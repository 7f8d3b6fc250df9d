import { Box, Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/PageHeader';
import { PublicHeader } from '../check/PublicHeader';

/**
 * The frame of the public pages that send and follow a report or an appeal: the public header, one narrow
 * column, the page's one h1.
 */
export function PublicShell({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('common.appName')}`);
  return (
    <>
      <PublicHeader />
      <Box component="main" id="main" tabIndex={-1}>
        <Container size="sm" py={{ base: 'md', sm: 'xl' }}>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} fz={{ base: 26, sm: 34 }} lh={1.2}>
                {title}
              </Title>
              <Text>{intro}</Text>
            </Stack>
            {children}
          </Stack>
        </Container>
      </Box>
    </>
  );
}
