import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '@khien/contracts';
import { can, useCurrentMe } from '../auth/me-context';
import { communeLabel, useCommunes, useProvinceNames } from '../reference/api';
import { allowlistPath, appealsPath, registryPath } from '../../app/navigation';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';

/** Who you are, your agency, your roles, and links to what you may do. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (
    <>
      <PageHeader
        title={t('home.title')}
        description={t('home.greeting', { name: me.fullName ?? me.username ?? '' })}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <AccountCard me={me} />
        <AgencyCard me={me} />
        <QuickLinks me={me} />
      </SimpleGrid>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function AccountCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="home-account" padding="lg" testId="home-account" title={t('home.you')}>
      <Stack gap="sm">
        <Fact label={t('home.username')}>
          <Text className="khien-mono">{me.username}</Text>
        </Fact>
        <Fact label={t('home.roles')}>
          <Group gap={4}>
            {me.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`role.${role}`)}
              </Badge>
            ))}
          </Group>
        </Fact>
        <Fact label={t('home.security')}>
          <Badge color={me.totpEnabled ? 'teal' : 'gray'} variant="light">
            {me.totpEnabled ? t('home.totpOn') : t('home.totpOff')}
          </Badge>
          {me.sessionExpiresAt && (
            <Text size="sm" c="dimmed" mt={4}>
              {t('home.sessionExpires', { time: formatDateTime(me.sessionExpiresAt) })}
            </Text>
          )}
        </Fact>
      </Stack>
    </SectionCard>
  );
}

function AgencyCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const provinceName = useProvinceNames();
  const communes = useCommunes(me.agency.communeCode ? me.agency.provinceCode : null);
  const commune = communes.data?.find((c) => c.code === me.agency.communeCode);
  return (
    <SectionCard id="home-agency" padding="lg" testId="home-agency" title={t('home.agency')}>
      <Stack gap="sm">
        <Text fw={600}>{me.agency.name}</Text>
        <Fact label={t('home.agencyType')}>{t(`agencyType.${me.agency.type}`)}</Fact>
        <Fact label={t('home.scope')}>{t(`scopeLevel.${me.agency.scopeLevel}`)}</Fact>
        {me.agency.provinceCode && (
          <Fact label={t('home.province')}>{provinceName(me.agency.provinceCode)}</Fact>
        )}
        {me.agency.communeCode && (
          <Fact label={t('home.commune')}>
            {commune ? communeLabel(commune, i18n.language) : me.agency.communeCode}
          </Fact>
        )}
      </Stack>
    </SectionCard>
  );
}

function QuickLinks({ me }: { me: Me }) {
  const { t } = useTranslation();
  const links: Array<{ to: string; label: string }> = [];
  if (can(me, 'indicator.list')) links.push({ to: registryPath, label: t('home.linkRegistry') });
  if (can(me, 'indicator.decide')) links.push({ to: appealsPath, label: t('home.linkAppeals') });
  links.push({ to: allowlistPath, label: t('home.linkAllowlist') });
  if (can(me, 'agency.list')) links.push({ to: '/app/co-quan', label: t('home.linkAgencies') });
  if (can(me, 'user.list') || can(me, 'apikey.list')) {
    links.push({ to: `/app/co-quan/${me.agency.id}`, label: t('home.linkMyAgency') });
  }
  if (can(me, 'audit.read')) links.push({ to: '/app/nhat-ky', label: t('home.linkAudit') });
  links.push({ to: '/app/ho-so', label: t('home.linkProfile') });
  return (
    <SectionCard id="home-links" padding="lg" testId="home-links" title={t('home.quickLinks')}>
      <List spacing="xs">
        {links.map((link) => (
          <List.Item key={link.to}>
            <Anchor component={Link} to={link.to}>
              {link.label}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </SectionCard>
  );
}
