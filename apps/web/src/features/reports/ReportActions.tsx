import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReportDetail, ReportStatus } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { SectionCard } from '../../ui/SectionCard';
import { formatDay } from '../appeals/format';
import { useCan } from '../auth/me-context';
import { canExtend, isOpen } from './deadline';
import { AssignForm, ExtendForm, NoteForm, StatusForm, TransferForm } from './ReportActionForms';

type Action =
  | { kind: 'status'; to: ReportStatus }
  | { kind: 'assign' }
  | { kind: 'note' }
  | { kind: 'transfer' }
  | { kind: 'extend' };

/** The buttons of a move: deciding is the main one, going back the quiet one. */
const moveButton: Record<ReportStatus, { variant: 'filled' | 'outline' | 'default'; color?: string }> = {
  verifying: { variant: 'filled' },
  decided: { variant: 'filled', color: 'teal.9' },
  closed: { variant: 'outline', color: 'gray.8' },
  received: { variant: 'default' },
};

/**
 * What the officer may do with the report now: the moves the status table allows (`allowedTransitions`)
 * and the other actions their role has, each in a form that asks for the grounds.
 */
export function ReportActions({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [action, setAction] = useState<Action | null>(null);
  const handle = can('report.handle');
  const moves = handle ? report.allowedTransitions.map((transition) => transition.to) : [];
  const others = [
    can('report.assign') && report.status !== 'closed' && ({ kind: 'assign' } as const),
    handle && ({ kind: 'note' } as const),
    handle && isOpen(report.status) && ({ kind: 'transfer' } as const),
    handle && canExtend(report) && ({ kind: 'extend' } as const),
  ].filter((item): item is Exclude<Action, { kind: 'status' }> => Boolean(item));

  const close = () => setAction(null);
  const doneMessage = (done: Action, updated: ReportDetail): string => {
    switch (done.kind) {
      case 'status':
        return t('reports.actions.done.status', { status: t(`reports.status.${updated.status}`) });
      case 'assign':
        return t('reports.actions.done.assigned');
      case 'note':
        return t('reports.actions.done.note');
      case 'transfer':
        return t('reports.actions.done.transferred', { agency: updated.handlingAgencyName ?? '' });
      case 'extend':
        return t('reports.actions.done.extended', { date: formatDay(updated.dueAt) });
    }
  };
  const onDone = (updated: ReportDetail) => {
    if (action) notifications.show({ color: 'teal', message: doneMessage(action, updated) });
    close();
  };
  const formProps = { report, onDone, onCancel: close };
  const title =
    action === null
      ? ''
      : action.kind === 'status'
        ? t(`reports.actions.moveTo.${action.to}`)
        : t(`reports.${action.kind}Form.title`);

  return (
    <SectionCard id="report-actions" title={t('reports.actions.title')} testId="report-actions">
      {moves.length === 0 && others.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reports.actions.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {moves.map((to) => (
            <Button
              key={to}
              fullWidth
              justify="flex-start"
              variant={moveButton[to].variant}
              color={moveButton[to].color}
              onClick={() => setAction({ kind: 'status', to })}
              data-testid={`report-move-${to}`}
            >
              {t(`reports.actions.moveTo.${to}`)}
            </Button>
          ))}
          {others.map((item) => (
            <Button
              key={item.kind}
              fullWidth
              justify="flex-start"
              variant="default"
              onClick={() => setAction(item)}
              data-testid={`report-action-${item.kind}`}
            >
              {t(`reports.actions.${item.kind}`)}
            </Button>
          ))}
        </Stack>
      )}
      <ResponsiveModal opened={action !== null} onClose={close} title={title}>
        {action?.kind === 'status' && <StatusForm {...formProps} to={action.to} />}
        {action?.kind === 'assign' && <AssignForm {...formProps} />}
        {action?.kind === 'note' && <NoteForm {...formProps} />}
        {action?.kind === 'transfer' && <TransferForm {...formProps} />}
        {action?.kind === 'extend' && <ExtendForm {...formProps} />}
      </ResponsiveModal>
    </SectionCard>
  );
}
