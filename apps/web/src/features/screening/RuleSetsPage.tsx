import { Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RuleSetList, RuleSetVersion } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '../../api/problem';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Forbidden } from '../../ui/Forbidden';
import { formatDateTime } from '../../ui/format';
import { FormActions } from '../../ui/FormActions';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { SectionCard } from '../../ui/SectionCard';
import { useCan } from '../auth/me-context';
import { DataTable } from '../../ui/DataTable';
import { useCreateDraft, usePublish, useRuleSets, useShadow } from './api';
import { BacktestPanel } from './BacktestPanel';
import { RuleSetStatusBadge } from './badges';
import { DraftEditor } from './DraftEditor';
import { RuleProblems } from './RuleProblems';
import { RulesTable } from './RulesTable';
import { ScreeningNav } from './ScreeningNav';

/** `/app/sang-loc/bo-quy-tac`: the bank's rule set versions, the default set, and the drafts' life. */
export function RuleSetsPage() {
  const can = useCan();
  return can('screening.review') ? <RuleSets /> : <Forbidden />;
}

/** The problems of a refused publish or shadow, with the draft they are about. */
interface Problems {
  version: number;
  problems: FieldError[];
  ruleIds: string[];
}

function RuleSets() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('screening.manage');
  const ruleSets = useRuleSets();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<RuleSetVersion | null>(null);
  // The version asked about stays while the dialog closes, so its title does not empty as it fades.
  const [publishing, setPublishing] = useState<RuleSetVersion | null>(null);
  const [publishOpened, setPublishOpened] = useState(false);
  /** The rules shown: a version, 'default', or null for the version in force (the default when none). */
  const [shown, setShown] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems | null>(null);
  /** The version being backtested (0: the default set); kept while its dialog fades out. */
  const [backtesting, setBacktesting] = useState<number | null>(null);
  const [backtestOpened, setBacktestOpened] = useState(false);
  const openBacktest = (version: number) => {
    setBacktesting(version);
    setBacktestOpened(true);
  };
  const publish = usePublish();
  const shadow = useShadow();

  const refused = (version: RuleSetVersion, error: unknown) => {
    if (isApiError(error, 'screening.rule_set_invalid'))
      setProblems({
        version: version.version,
        problems: error.fieldErrors,
        ruleIds: version.ruleSet.rules.map((rule) => rule.id),
      });
  };

  const header = (
    <PageHeader
      title={t('screening.ruleSets.title')}
      description={t('screening.ruleSets.intro')}
      actions={
        manage && (
          <Button onClick={() => setCreating(true)} data-testid="screening-draft-create-open">
            {t('screening.ruleSets.newDraft')}
          </Button>
        )
      }
    />
  );
  if (ruleSets.isPending)
    return (
      <>
        {header}
        <ScreeningNav />
        <PageLoader />
      </>
    );
  if (ruleSets.isError)
    return (
      <>
        {header}
        <ScreeningNav />
        <ErrorAlert error={ruleSets.error} onRetry={() => void ruleSets.refetch()} />
      </>
    );
  const list = ruleSets.data;
  const inForce = list.items.find((item) => item.status === 'published');
  const shownKey = shown ?? (inForce ? String(inForce.version) : 'default');
  const shownVersion = list.items.find((item) => String(item.version) === shownKey);
  const shownSet = shownVersion?.ruleSet ?? list.default;
  const shadowError =
    shadow.error && !isApiError(shadow.error, 'screening.rule_set_invalid') ? shadow.error : null;

  return (
    <>
      {header}
      <ScreeningNav />
      <Stack gap="lg">
        <SectionCard id="screening-versions" title={t('screening.ruleSets.versionsTitle')}>
          <Stack gap="sm">
            {problems && (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('screening.ruleSets.version', { version: problems.version })}
                </Text>
                <RuleProblems problems={problems.problems} ruleIds={problems.ruleIds} />
              </Stack>
            )}
            <ErrorAlert error={shadowError} />
            {list.items.length === 0 ? (
              <Text c="dimmed" data-testid="screening-rule-sets-empty">
                {t('screening.ruleSets.empty')}
              </Text>
            ) : (
              <VersionTable
                items={list.items}
                manage={manage}
                shadowPending={shadow.isPending ? (shadow.variables?.version ?? null) : null}
                onEdit={setEditing}
                onBacktest={openBacktest}
                onPublish={(version) => {
                  publish.reset();
                  setPublishing(version);
                  setPublishOpened(true);
                }}
                onShadow={(version, on) => {
                  setProblems(null);
                  shadow.mutate(
                    { version: version.version, shadow: on },
                    {
                      onSuccess: (updated) =>
                        notifications.show({
                          color: 'teal',
                          message: t(
                            on ? 'screening.ruleSets.shadowStarted' : 'screening.ruleSets.shadowStopped',
                            { version: updated.version },
                          ),
                        }),
                      onError: (error) => refused(version, error),
                    },
                  );
                }}
              />
            )}
          </Stack>
        </SectionCard>
        <RulesSection
          list={list}
          shown={shownKey}
          onShow={setShown}
          onBacktest={openBacktest}
          ruleSetTitle={shownVersion}
          set={shownSet}
        />
      </Stack>
      <ResponsiveModal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('screening.ruleSets.newDraftTitle')}
      >
        <NewDraftForm list={list} onClose={() => setCreating(false)} />
      </ResponsiveModal>
      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('screening.editor.title', { version: editing.version }) : ''}
        size="xl"
      >
        {editing && (
          <DraftEditor
            draft={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setProblems(null);
            }}
          />
        )}
      </ResponsiveModal>
      <ResponsiveModal
        opened={backtestOpened}
        onClose={() => setBacktestOpened(false)}
        title={
          backtesting
            ? t('screening.backtest.titleVersion', { version: backtesting })
            : t('screening.backtest.titleDefault')
        }
        size="xl"
      >
        {backtesting !== null && (
          <BacktestPanel key={backtesting} version={backtesting} onClose={() => setBacktestOpened(false)} />
        )}
      </ResponsiveModal>
      <ConfirmModal
        opened={publishOpened}
        title={publishing ? t('screening.ruleSets.publishTitle', { version: publishing.version }) : ''}
        message={publishing ? t('screening.ruleSets.publishMessage', { version: publishing.version }) : ''}
        confirmLabel={t('screening.ruleSets.publish')}
        pending={publish.isPending}
        error={
          publish.error && !isApiError(publish.error, 'screening.rule_set_invalid') ? publish.error : null
        }
        onClose={() => setPublishOpened(false)}
        onConfirm={() => {
          if (!publishing) return;
          const version = publishing;
          setProblems(null);
          publish.mutate(version.version, {
            onSuccess: (updated) => {
              setPublishOpened(false);
              notifications.show({
                color: 'teal',
                message: t('screening.ruleSets.published', { version: updated.version }),
              });
            },
            onError: (error) => {
              if (isApiError(error, 'screening.rule_set_invalid')) {
                setPublishOpened(false);
                refused(version, error);
              }
            },
          });
        }}
      />
    </>
  );
}

function VersionTable({
  items,
  manage,
  shadowPending,
  onEdit,
  onBacktest,
  onPublish,
  onShadow,
}: {
  items: RuleSetVersion[];
  manage: boolean;
  shadowPending: number | null;
  onEdit: (version: RuleSetVersion) => void;
  onBacktest: (version: number) => void;
  onPublish: (version: RuleSetVersion) => void;
  onShadow: (version: RuleSetVersion, on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={900}
      verticalSpacing="xs"
      testId="screening-version-table"
      label={t('screening.ruleSets.versionsTable')}
      head={
        <>
          <Table.Th scope="col">{t('screening.ruleSets.column.version')}</Table.Th>
          <Table.Th scope="col">{t('screening.ruleSets.column.status')}</Table.Th>
          <Table.Th scope="col">{t('screening.ruleSets.column.shadow')}</Table.Th>
          <Table.Th scope="col">{t('screening.ruleSets.column.rules')}</Table.Th>
          <Table.Th scope="col">{t('screening.ruleSets.column.createdAt')}</Table.Th>
          <Table.Th scope="col">{t('screening.ruleSets.column.publishedAt')}</Table.Th>
          <Table.Th scope="col">{t('screening.ruleSets.column.backtest')}</Table.Th>
          {manage && <Table.Th scope="col">{t('screening.ruleSets.column.actions')}</Table.Th>}
        </>
      }
    >
      {items.map((item) => {
        const draft = item.status === 'draft';
        const version = { version: item.version };
        return (
          <Table.Tr
            key={item.version}
            data-testid="screening-version-row"
            data-version={item.version}
            data-status={item.status}
            data-shadow={item.shadow ? 'true' : 'false'}
          >
            <Table.Td>
              <Text size="sm" fw={700}>
                {t('screening.ruleSets.version', version)}
              </Text>
            </Table.Td>
            <Table.Td>
              <RuleSetStatusBadge status={item.status} />
            </Table.Td>
            <Table.Td>
              {item.shadow ? (
                <Text size="sm" fw={700} c="yellow.9" data-testid="screening-version-shadow">
                  <span aria-hidden="true">◆ </span>
                  {t('screening.ruleSets.shadowOn')}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('screening.ruleSets.shadowOff')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.ruleSet.rules.length}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(item.createdAt)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.publishedAt ? formatDateTime(item.publishedAt) : t('common.none')}</Text>
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onBacktest(item.version)}
                aria-label={t('screening.backtest.openFor', version)}
                data-testid="screening-backtest-open"
                data-version={item.version}
              >
                {t('screening.backtest.open')}
              </Button>
            </Table.Td>
            {manage && (
              <Table.Td>
                {draft ? (
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => onEdit(item)}
                      aria-label={t('screening.ruleSets.editFor', version)}
                      data-testid="screening-draft-edit"
                    >
                      {t('screening.ruleSets.edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="outline"
                      loading={shadowPending === item.version}
                      onClick={() => onShadow(item, !item.shadow)}
                      aria-label={t(
                        item.shadow
                          ? 'screening.ruleSets.shadowStopFor'
                          : 'screening.ruleSets.shadowStartFor',
                        version,
                      )}
                      data-testid={
                        item.shadow ? 'screening-draft-shadow-stop' : 'screening-draft-shadow-start'
                      }
                    >
                      {t(item.shadow ? 'screening.ruleSets.shadowStop' : 'screening.ruleSets.shadowStart')}
                    </Button>
                    <Button
                      size="compact-sm"
                      color="red.9"
                      onClick={() => onPublish(item)}
                      aria-label={t('screening.ruleSets.publishFor', version)}
                      data-testid="screening-draft-publish"
                    >
                      {t('screening.ruleSets.publish')}
                    </Button>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('common.none')}
                  </Text>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}

function RulesSection({
  list,
  shown,
  onShow,
  onBacktest,
  ruleSetTitle,
  set,
}: {
  list: RuleSetList;
  shown: string;
  onShow: (value: string) => void;
  onBacktest: (version: number) => void;
  ruleSetTitle: RuleSetVersion | undefined;
  set: RuleSetList['default'];
}) {
  const { t } = useTranslation();
  const options = [
    { value: 'default', label: t('screening.ruleSets.fromDefault') },
    ...list.items.map((item) => ({
      value: String(item.version),
      label: t('screening.ruleSets.fromVersion', {
        version: item.version,
        status: t(`screening.ruleSetStatus.${item.status}`),
      }),
    })),
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="screening-rules-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="screening-rules-title">
          {ruleSetTitle
            ? t('screening.ruleSets.versionTitle', { version: ruleSetTitle.version })
            : t('screening.ruleSets.defaultTitle', { id: list.default.id, version: list.default.version })}
        </Title>
        {!ruleSetTitle && <Text size="sm">{t('screening.ruleSets.defaultIntro')}</Text>}
        <Group align="flex-end" gap="sm">
          <Select
            label={t('screening.ruleSets.view')}
            data={options}
            value={shown}
            onChange={(value) => onShow(value ?? 'default')}
            allowDeselect={false}
            w={{ base: '100%', sm: 420 }}
            data-testid="screening-rules-shown"
          />
          <Button
            variant="default"
            onClick={() => onBacktest(ruleSetTitle?.version ?? 0)}
            aria-label={
              ruleSetTitle
                ? t('screening.backtest.openFor', { version: ruleSetTitle.version })
                : t('screening.backtest.openDefault')
            }
            data-testid="screening-backtest-open"
            data-version={ruleSetTitle?.version ?? 0}
          >
            {t('screening.backtest.open')}
          </Button>
        </Group>
        <RulesTable ruleSet={set} />
      </Stack>
    </Card>
  );
}

function NewDraftForm({ list, onClose }: { list: RuleSetList; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateDraft();
  const [from, setFrom] = useState<string>('default');
  const options = [
    { value: 'default', label: t('screening.ruleSets.fromDefault') },
    ...list.items.map((item) => ({
      value: String(item.version),
      label: t('screening.ruleSets.fromVersion', {
        version: item.version,
        status: t(`screening.ruleSetStatus.${item.status}`),
      }),
    })),
  ];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(from === 'default' ? 'default' : Number(from), {
          onSuccess: (created) => {
            notifications.show({
              color: 'teal',
              message: t('screening.ruleSets.created', { version: created.version }),
            });
            onClose();
          },
        });
      }}
    >
      <Stack>
        <Text size="sm">{t('screening.ruleSets.newDraftIntro')}</Text>
        <Select
          label={t('screening.ruleSets.from')}
          data={options}
          value={from}
          onChange={(value) => setFrom(value ?? 'default')}
          allowDeselect={false}
          data-autofocus
          data-testid="screening-draft-from"
        />
        <ErrorAlert error={create.error} />
        <FormActions
          submitLabel={t('screening.ruleSets.create')}
          submitTestId="screening-draft-create-submit"
          pending={create.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
