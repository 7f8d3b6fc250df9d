import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@khien/contracts';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';

interface AuditTableProps {
  entries: AuditEntry[];
  onOpen: (entry: AuditEntry) => void;
}

export function actorText(entry: AuditEntry, kindLabel: (kind: AuditEntry['actorKind']) => string): string {
  return entry.actorUsername ?? kindLabel(entry.actorKind);
}

export function AuditTable({ entries, onOpen }: AuditTableProps) {
  const { t } = useTranslation();
  const kindLabel = (kind: AuditEntry['actorKind']) => t(`audit.actorKind.${kind}`);
  return (
    <DataTable
      minWidth={820}
      testId="audit-table"
      verticalSpacing="xs"
      head={
        <>
          <Table.Th scope="col">{t('audit.seq')}</Table.Th>
          <Table.Th scope="col">{t('audit.time')}</Table.Th>
          <Table.Th scope="col">{t('audit.actor')}</Table.Th>
          <Table.Th scope="col">{t('audit.action')}</Table.Th>
          <Table.Th scope="col">{t('audit.target')}</Table.Th>
          <Table.Th scope="col">{t('audit.personalData')}</Table.Th>
          <Table.Th scope="col">{t('common.details')}</Table.Th>
        </>
      }
    >
      {entries.length === 0 && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <Text c="dimmed">{t('audit.empty')}</Text>
          </Table.Td>
        </Table.Tr>
      )}
      {entries.map((entry) => (
        <Table.Tr key={entry.seq} data-testid="audit-row">
          <Table.Td className="khien-mono">{entry.seq}</Table.Td>
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(entry.occurredAt)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{actorText(entry, kindLabel)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {entry.action}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" className="khien-mono">
              {[entry.targetType, entry.targetId].filter(Boolean).join(' ') || t('common.none')}
            </Text>
          </Table.Td>
          <Table.Td>
            {entry.personalData && (
              <Badge variant="light" color="violet" title={t('audit.personalBadge')}>
                {t('common.yes')}
              </Badge>
            )}
          </Table.Td>
          <Table.Td>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onOpen(entry)}
              aria-label={t('audit.showEntry', { seq: entry.seq })}
            >
              {t('common.details')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
