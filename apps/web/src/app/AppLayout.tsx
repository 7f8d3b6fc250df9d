import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Container,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '@khien/contracts';
import { signedOutKey, useLogout, useMe } from '../features/auth/api';
import { MeContext } from '../features/auth/me-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Logo } from '../ui/Logo';
import { PageLoader } from '../ui/PageLoader';
import { AccountBanners } from './AccountBanners';
import { isActive, navItems, profilePath } from './navigation';

/** The staff app: only for a signed-in person; anyone else goes to sign-in and comes back afterwards. */
export default function AppLayout() {
  const { data: me, isPending, error, refetch } = useMe();
  const queryClient = useQueryClient();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </Container>
    );
  }
  if (!me) {
    if (queryClient.getQueryData(signedOutKey) === true)
      return <Navigate replace to="/dang-nhap" state={{ signedOut: true }} />;
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate replace to={`/dang-nhap?next=${next}`} />;
  }
  if (me.totpEnrolmentRequired && location.pathname !== profilePath)
    return <Navigate replace to={profilePath} />;
  return (
    <MeContext.Provider value={me}>
      <StaffShell me={me} />
    </MeContext.Provider>
  );
}

function StaffShell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  useEffect(close, [pathname, close]);

  const displayName = me.fullName ?? me.username ?? '';
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="khien-skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="khien-navbar"
            />
            <Anchor
              component={Link}
              to="/app"
              underline="never"
              aria-label={`${t('common.appName')} – ${t('nav.overview')}`}
            >
              <Logo />
            </Anchor>
            <Text visibleFrom="md" size="sm" c="dimmed" truncate data-testid="shell-agency">
              {me.agency.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text visibleFrom="sm" size="sm" fw={600} truncate maw={220} data-testid="shell-user">
              {displayName}
            </Text>
            <LanguageSwitch />
            <LogoutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="khien-navbar" component="nav" aria-label={t('nav.main')}>
        <Stack gap={2} hiddenFrom="md" mb="sm">
          <Text size="sm" fw={600}>
            {displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.agency.name}
          </Text>
          <Divider mt="xs" />
        </Stack>
        {navItems(me).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(`nav.${item.label}`)}
            active={isActive(item, pathname)}
            aria-current={isActive(item, pathname) ? 'page' : undefined}
            data-testid={item.testId}
            variant="light"
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="xl" px={0}>
          <AccountBanners me={me} onProfile={pathname === profilePath} />
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button
      variant="default"
      size="compact-sm"
      onClick={() => logout.mutate()}
      loading={logout.isPending}
      data-testid="logout"
    >
      {t('nav.logout')}
    </Button>
  );
}
