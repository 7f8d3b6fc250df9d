import { Anchor, Box, Button, Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Logo } from '../../ui/Logo';

/** The header of the public pages: the name (home), the language, and the way in for staff. */
export function PublicHeader() {
  const { t } = useTranslation();
  return (
    <>
      <a className="khien-skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            {/* The accessible name starts with the visible name, so that voice control ("click Khiên") finds it. */}
            <Anchor
              component={Link}
              to="/"
              underline="never"
              aria-label={`${t('common.appName')} – ${t('shell.goHome')}`}
            >
              <Logo />
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <LanguageSwitch />
              <Button
                component={Link}
                to="/dang-nhap"
                variant="default"
                size="compact-sm"
                aria-label={t('landing.staffSignIn')}
                data-testid="landing-sign-in"
              >
                {/* On a narrow phone the short word keeps the header on one line. */}
                <Box component="span" hiddenFrom="xs" aria-hidden="true">
                  {t('landing.staffSignInShort')}
                </Box>
                <Box component="span" visibleFrom="xs">
                  {t('landing.staffSignIn')}
                </Box>
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>
    </>
  );
}
