import { Alert, Anchor, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath, useMe } from '../features/auth/api';
import { LoginForm } from '../features/auth/LoginForm';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Logo } from '../ui/Logo';
import { useDocumentTitle } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { profilePath } from '../app/navigation';

export default function SignInRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const next = params.get('next');
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  useDocumentTitle(`${t('login.title')} · ${t('common.appName')}`);

  if (me.isPending) return <PageLoader />;
  if (me.data && !signedOut) return <Navigate replace to={safeNextPath(next)} />;

  return (
    <Container size={420} py="xl" component="main" id="main">
      <Group justify="space-between" mb="lg">
        <Anchor
          component={Link}
          to="/"
          underline="never"
          aria-label={`${t('common.appName')} – ${t('login.backHome')}`}
        >
          <Logo />
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Card withBorder padding="lg" radius="md">
        <Stack>
          <div>
            <Title order={1} fz="h2">
              {t('login.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('login.intro')}
            </Text>
          </div>
          {signedOut && (
            <Alert color="teal" variant="light" data-testid="signed-out">
              {t('login.signedOut')}
            </Alert>
          )}
          {next && !signedOut && (
            <Alert color="blue" variant="light">
              {t('login.needSignIn')}
            </Alert>
          )}
          <LoginForm
            onSignedIn={(signedIn) =>
              void navigate(signedIn.totpEnrolmentRequired ? profilePath : safeNextPath(next), {
                replace: true,
              })
            }
          />
        </Stack>
      </Card>
      <Anchor component={Link} to="/" size="sm" mt="md" display="inline-block">
        {t('login.backHome')}
      </Anchor>
    </Container>
  );
}
