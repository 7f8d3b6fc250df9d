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
import { useDocumentTitle } from '../../ui/PageHeader';
import { CheckForm } from '../check/CheckForm';
import { preloadCheckPage } from '../check/preload';
import { PublicHeader } from '../check/PublicHeader';
import { useSubmitCheck } from '../check/submit';

/** The advice of the directives (e.g. Điện Biên 1496/UBND-NC: no OTP to strangers, no strange links). */
const advice = ['otp', 'links', 'police', 'jobs', 'accounts'] as const;
const victimSteps = ['stop', 'bank', 'police'] as const;

/** The public home: the check box first, then the advice, what to do as a victim, and the way in for staff. */
export function LandingPage() {
  const { t } = useTranslation();
  const submitCheck = useSubmitCheck();
  useDocumentTitle(`${t('common.appName')} — ${t('common.tagline')}`);
  return (
    <>
      <PublicHeader />

      <Box component="main" id="main" tabIndex={-1}>
        <Box bg="blue.9" c="white" py={{ base: 24, sm: 56 }}>
          <Container size="lg">
            <Stack gap="md" maw={760}>
              <Text fw={600} tt="uppercase" fz="sm" c="blue.1">
                {t('common.tagline')}
              </Text>
              <Title order={1} fz={{ base: 26, sm: 40 }} lh={1.2}>
                {t('landing.heroTitle')}
              </Title>
              <Text fz={{ base: 'md', sm: 'lg' }}>{t('landing.heroIntro')}</Text>
              <Card p={{ base: 'md', sm: 'lg' }} radius="md" c="var(--mantine-color-text)">
                <CheckForm onSubmit={submitCheck} onEngage={preloadCheckPage} />
              </Card>
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
          <Stack gap="sm" maw={760} mb="xl" component="section" aria-labelledby="landing-about">
            <Title order={2} id="landing-about">
              {t('landing.aboutTitle')}
            </Title>
            <Text fw={600}>{t('landing.title')}</Text>
            <Text>{t('landing.intro')}</Text>
          </Stack>
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
            {/* Inside a sentence a link is told apart by its underline, not by its colour alone. */}
            <Anchor component={Link} to="/dang-nhap" size="sm" underline="always">
              {t('landing.staffSignIn')}
            </Anchor>
          </Text>
          <Group gap="md" mt="xs">
            <Anchor component={Link} to="/khieu-nai" size="sm">
              {t('landing.appeal')}
            </Anchor>
            <Anchor component={Link} to="/khieu-nai/theo-doi" size="sm" data-testid="landing-follow-appeal">
              {t('landing.followAppeal')}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </>
  );
}
