import {
  Anchor,
  Box,
  Button,
  Card,
  Container,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Logo } from '../../ui/Logo';
import { useDocumentTitle } from '../../ui/PageHeader';

/** The advice of the directives (e.g. Điện Biên 1496/UBND-NC: no OTP to strangers, no strange links). */
const advice = ['otp', 'links', 'police', 'jobs', 'accounts'] as const;
const victimSteps = ['stop', 'bank', 'police'] as const;

export function LandingPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('common.appName')} — ${t('common.tagline')}`);
  return (
    <>
      <a className="khien-skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap">
            <Logo />
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <Button
                component={Link}
                to="/dang-nhap"
                variant="default"
                size="compact-sm"
                data-testid="landing-sign-in"
              >
                {t('landing.staffSignIn')}
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>

      <Box component="main" id="main" tabIndex={-1}>
        <Box bg="blue.9" c="white" py={{ base: 40, sm: 64 }}>
          <Container size="lg">
            <Stack gap="md" maw={760}>
              <Text fw={600} tt="uppercase" fz="sm" c="blue.1">
                {t('common.tagline')}
              </Text>
              <Title order={1} fz={{ base: 28, sm: 40 }} lh={1.2}>
                {t('landing.title')}
              </Title>
              <Text fz={{ base: 'md', sm: 'lg' }}>{t('landing.intro')}</Text>
            </Stack>
          </Container>
        </Box>

        <Container size="lg" py="xl">
          <Title order={2} mb="md">
            {t('landing.adviceTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {advice.map((key, index) => (
              <Card
                key={key}
                withBorder
                padding="lg"
                radius="md"
                component="section"
                aria-labelledby={`advice-${key}`}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start" mb="xs">
                  <ThemeIcon radius="xl" size="lg" aria-hidden="true">
                    {index + 1}
                  </ThemeIcon>
                  <Title order={3} fz="lg" id={`advice-${key}`}>
                    {t(`landing.advice.${key}Title`)}
                  </Title>
                </Group>
                <Text>{t(`landing.advice.${key}Body`)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </Container>

        <Box bg="red.0" py="xl">
          <Container size="lg">
            <Stack gap="md" maw={760}>
              <Title order={2} c="red.9">
                {t('landing.victimTitle')}
              </Title>
              <List type="ordered" spacing="sm" size="md">
                {victimSteps.map((key) => (
                  <List.Item key={key}>{t(`landing.victimSteps.${key}`)}</List.Item>
                ))}
              </List>
              <Button component="a" href="tel:113" color="red" size="lg" w="fit-content">
                {t('landing.call113')}
              </Button>
            </Stack>
          </Container>
        </Box>

        <Container size="lg" py="xl">
          <Card withBorder padding="lg" radius="md" maw={560}>
            <Title order={2} fz="h3" mb="xs">
              {t('landing.staffTitle')}
            </Title>
            <Text mb="md">{t('landing.staffBody')}</Text>
            <Button component={Link} to="/dang-nhap" w="fit-content">
              {t('landing.staffSignIn')}
            </Button>
          </Card>
        </Container>
      </Box>

      <Box component="footer" py="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Text size="sm" c="dimmed">
            {t('landing.footer')}{' '}
            <Anchor component={Link} to="/dang-nhap" size="sm">
              {t('landing.staffSignIn')}
            </Anchor>
          </Text>
        </Container>
      </Box>
    </>
  );
}
