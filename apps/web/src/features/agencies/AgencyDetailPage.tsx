import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Agency } from '@khien/contracts';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { ApiKeysPanel } from '../apikeys/ApiKeysPanel';
import { useCan } from '../auth/me-context';
import { communeLabel, useCommunes, useProvinceNames } from '../reference/api';
import { UsersPanel } from '../users/UsersPanel';
import { useAgency } from './api';
import { ActiveBadge } from './AgencyTable';
import { EditAgencyForm } from './EditAgencyForm';

export function AgencyDetailPage({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const agency = useAgency(agencyId);

  if (agency.isPending) return <PageLoader />;
  if (agency.isError) {
    return (
      <Stack>
        {isApiError(agency.error, 'not_found') ? (
          <Text>{t('agencies.notFound')}</Text>
        ) : (
          <ErrorAlert error={agency.error} onRetry={() => void agency.refetch()} />
        )}
        {can('agency.list') && <BackToList />}
      </Stack>
    );
  }
  return <AgencyDetail agency={agency.data} />;
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/app/co-quan" size="sm">
      ← {t('agencies.backToList')}
    </Anchor>
  );
}

function AgencyDetail({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const tabs = [
    ...(can('user.list') ? ['users' as const] : []),
    ...(can('apikey.list') ? ['api-keys' as const] : []),
  ];
  const requested = params.get('tab');
  const tab = tabs.find((value) => value === requested) ?? tabs[0];

  return (
    <>
      {can('agency.list') && <BackToList />}
      <PageHeader
        title={agency.name}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light">{t(`agencyType.${agency.type}`)}</Badge>
            <Badge variant="outline" color="gray">
              {t(`scopeLevel.${agency.scopeLevel}`)}
            </Badge>
            <ActiveBadge active={agency.active} />
          </Group>
        }
        actions={
          can('agency.update') && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="agency-edit-open">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <AgencyFacts agency={agency} />
      {tab && (
        <Tabs
          value={tab}
          onChange={(value) => value && setParams({ tab: value }, { replace: true })}
          keepMounted={false}
          mt="lg"
        >
          <Tabs.List>
            {tabs.includes('users') && (
              <Tabs.Tab value="users" data-testid="agency-tab-users">
                {t('agencies.tabUsers')}
              </Tabs.Tab>
            )}
            {tabs.includes('api-keys') && (
              <Tabs.Tab value="api-keys" data-testid="agency-tab-api-keys">
                {t('agencies.tabApiKeys')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="users" pt="md">
            <UsersPanel agencyId={agency.id} />
          </Tabs.Panel>
          <Tabs.Panel value="api-keys" pt="md">
            <ApiKeysPanel agencyId={agency.id} />
          </Tabs.Panel>
        </Tabs>
      )}
      <ResponsiveModal opened={editing} onClose={() => setEditing(false)} title={t('agencies.editTitle')}>
        <EditAgencyForm
          agency={agency}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notifications.show({ color: 'teal', message: t('agencies.updated') });
          }}
        />
      </ResponsiveModal>
    </>
  );
}

function AgencyFacts({ agency }: { agency: Agency }) {
  const { t, i18n } = useTranslation();
  const provinceName = useProvinceNames();
  const communes = useCommunes(agency.communeCode ? agency.provinceCode : null);
  const commune = communes.data?.find((c) => c.code === agency.communeCode);
  return (
    <Card withBorder padding="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label={t('agencies.shortName')}>{agency.shortName ?? t('common.none')}</Fact>
        {agency.scopeLevel === 'national' ? (
          <Fact label={t('agencies.scope')}>{t('agencies.nationalScope')}</Fact>
        ) : (
          <Fact label={t('reference.province')}>{provinceName(agency.provinceCode) || t('common.none')}</Fact>
        )}
        {agency.communeCode && (
          <Fact label={t('reference.commune')}>
            {commune ? communeLabel(commune, i18n.language) : agency.communeCode}
          </Fact>
        )}
        <Fact label={t('agencies.createdAt')}>{formatDate(agency.createdAt)}</Fact>
      </SimpleGrid>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}
