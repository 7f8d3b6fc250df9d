import { Code, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@khien/contracts';
import { formatDateTime } from '../../ui/format';

export function AuditEntryModal({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? t('audit.entryTitle', { seq: entry.seq }) : ''}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {entry && (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Field label={t('audit.time')}>{formatDateTime(entry.occurredAt)}</Field>
            <Field label={t('audit.actor')}>
              {entry.actorUsername ?? t(`audit.actorKind.${entry.actorKind}`)}
              {entry.actorApiKeyId ? ` (${t('audit.actorKind.api_key')} ${entry.actorApiKeyId})` : ''}
            </Field>
            <Field label={t('audit.action')} mono>
              {entry.action}
            </Field>
            <Field label={t('audit.target')} mono>
              {[entry.targetType, entry.targetId].filter(Boolean).join(' ') || t('common.none')}
            </Field>
            <Field label={t('audit.personalData')}>
              {entry.personalData ? t('common.yes') : t('common.no')}
            </Field>
            <Field label={t('audit.reason')}>{entry.reason ?? t('common.none')}</Field>
            <Field label={t('audit.ip')} mono>
              {entry.ip ?? t('common.none')}
            </Field>
            <Field label={t('audit.requestId')} mono>
              {entry.requestId ?? t('common.none')}
            </Field>
          </SimpleGrid>
          <Field label={t('audit.userAgent')}>{entry.userAgent ?? t('common.none')}</Field>
          <Field label={t('audit.hash')} mono>
            {entry.hash}
          </Field>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              {t('audit.detailsData')}
            </Text>
            <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
          </div>
        </Stack>
      )}
    </Modal>
  );
}

function Field({ label, mono, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" className={mono ? 'khien-mono' : undefined}>
        {children}
      </Text>
    </div>
  );
}
