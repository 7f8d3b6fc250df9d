import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../auth/me-context';
import { PageHeader } from '../../ui/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DisableTotpForm } from './DisableTotpForm';
import { TotpEnrolment } from './TotpEnrolment';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="account-title">
          <Title order={2} fz="h3" mb="md" id="account-title">
            {t('profile.account')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact label={t('users.fullName')} value={me.fullName ?? t('common.none')} />
            <Fact label={t('users.username')} value={me.username ?? t('common.none')} />
            <Fact label={t('home.agency')} value={me.agency.name} />
          </SimpleGrid>
          <Group gap={4} mt="md">
            {me.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`role.${role}`)}
              </Badge>
            ))}
          </Group>
        </Card>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card
            withBorder
            padding="lg"
            component="section"
            aria-labelledby="totp-title"
            data-testid="totp-section"
          >
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="h3" id="totp-title">
                {t('totp.title')}
              </Title>
              <Badge color={me.totpEnabled ? 'teal' : 'gray'} variant="light" data-testid="totp-status">
                {me.totpEnabled ? t('totp.enabled') : t('totp.disabled')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mb="md">
              {t('totp.intro')}
            </Text>
            {me.totpEnabled ? <DisableTotpForm /> : <TotpEnrolment />}
          </Card>
          <ChangePasswordForm />
        </SimpleGrid>
      </Stack>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}
