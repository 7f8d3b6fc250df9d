import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '@khien/contracts';
import { profilePath } from './navigation';

/** What the account must do before working: enrol TOTP, change the password given by an administrator. */
export function AccountBanners({ me, onProfile }: { me: Me; onProfile: boolean }) {
  const { t } = useTranslation();
  if (!me.totpEnrolmentRequired && !me.mustChangePassword) return null;
  const link = !onProfile && (
    <Anchor component={Link} to={profilePath} fw={600} ml={4}>
      {t('shell.goToProfile')}
    </Anchor>
  );
  return (
    <Stack gap="sm" mb="md">
      {me.totpEnrolmentRequired && (
        <Alert
          color="red"
          variant="light"
          title={t('shell.totpEnrolmentRequiredTitle')}
          data-testid="banner-totp-required"
        >
          {t('shell.totpEnrolmentRequired')}
          {link}
        </Alert>
      )}
      {me.mustChangePassword && (
        <Alert
          color="blue"
          variant="light"
          title={t('shell.mustChangePasswordTitle')}
          data-testid="banner-change-password"
        >
          {t('shell.mustChangePassword')}
          {link}
        </Alert>
      )}
    </Stack>
  );
}
