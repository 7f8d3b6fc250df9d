import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AgencyRequestDetail } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { SectionCard } from '../../ui/SectionCard';
import { useCan, useCurrentMe } from '../auth/me-context';
import { useAcknowledgeRequest } from './api';
import { AnswerForm } from './AnswerForm';
import { newRequestPath } from './links';
import { newRequestHref } from './prefill';
import { ReasonForm, RenewForm } from './RequestActionForms';
import { isOpenStatus } from './timeLeft';
import { useSubmissionKey } from './useSubmissionKey';

type Action = 'answer' | 'refuse' | 'cancel' | 'renew';

/**
 * What the user's agency may do with the request now: the recipient receives, answers or refuses it;
 * the sender cancels an open one, renews an active hold or asks for its release; the bank holding money
 * may ask the police to review the hold.
 */
export function RequestActions({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentMe();
  const [action, setAction] = useState<Action | null>(null);
  const acknowledge = useAcknowledgeRequest(request.id);
  const ackKey = useSubmissionKey();
  const open = isOpenStatus(request.status);
  const recipient = request.recipientAgencyId === me.agency.id && can('request.answer');
  const sender = request.senderAgencyId === me.agency.id && can('request.send');
  const activeHold =
    request.type === 'hold' && request.status === 'answered' && request.holdState === 'active';

  const buttons: {
    action: Action;
    label: string;
    variant: 'filled' | 'default' | 'outline';
    color?: string;
  }[] = [];
  if (recipient && open) {
    buttons.push({ action: 'answer', label: t('requests.actions.answer'), variant: 'filled' });
    buttons.push({ action: 'refuse', label: t('requests.actions.refuse'), variant: 'outline', color: 'red' });
  }
  if (sender && open)
    buttons.push({ action: 'cancel', label: t('requests.actions.cancel'), variant: 'outline', color: 'red' });
  if (sender && activeHold)
    buttons.push({ action: 'renew', label: t('requests.actions.renew'), variant: 'default' });
  const releaseHref =
    sender && activeHold
      ? newRequestHref(newRequestPath, {
          type: 'release',
          holdRequestId: request.id,
          recipient: request.recipientAgencyId,
          reportId: request.reportId,
          amountVnd: request.heldVnd,
        })
      : null;
  const reviewHref =
    request.recipientAgencyId === me.agency.id && can('request.send') && activeHold
      ? newRequestHref(newRequestPath, {
          type: 'hold_review',
          holdRequestId: request.id,
          recipient: request.senderAgencyId,
        })
      : null;
  const canAcknowledge = recipient && request.status === 'sent';
  const nothing = buttons.length === 0 && !canAcknowledge && !releaseHref && !reviewHref;

  const close = () => setAction(null);
  const onDone = (updated: AgencyRequestDetail) => {
    const message =
      action === 'answer'
        ? t('requests.actions.done.answered', { code: updated.code })
        : action === 'refuse'
          ? t('requests.actions.done.refused', { code: updated.code })
          : action === 'cancel'
            ? t('requests.actions.done.cancelled', { code: updated.code })
            : t('requests.actions.done.renewed', { date: formatDateTime(updated.holdExpiresAt) });
    notifications.show({ color: 'teal', message });
    close();
  };
  const formProps = { request, onDone, onCancel: close };
  const titles: Record<Action, string> = {
    answer: t('requests.answerForm.title', { code: request.code }),
    refuse: t('requests.actions.refuse'),
    cancel: t('requests.actions.cancel'),
    renew: t('requests.actions.renew'),
  };

  return (
    <SectionCard id="request-actions" title={t('requests.actions.title')} testId="request-actions">
      {nothing ? (
        <Text c="dimmed" size="sm">
          {t('requests.actions.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {canAcknowledge && (
            <Button
              fullWidth
              justify="flex-start"
              variant="outline"
              loading={acknowledge.isPending}
              onClick={() => {
                const body = {};
                acknowledge.mutate(
                  { body, key: ackKey.for(body) },
                  {
                    onSuccess: (updated) => {
                      ackKey.done();
                      notifications.show({
                        color: 'teal',
                        message: t('requests.actions.done.acknowledged', { code: updated.code }),
                      });
                    },
                  },
                );
              }}
              data-testid="request-action-acknowledge"
            >
              {t('requests.actions.acknowledge')}
            </Button>
          )}
          {buttons.map((button) => (
            <Button
              key={button.action}
              fullWidth
              justify="flex-start"
              variant={button.variant}
              color={button.color}
              onClick={() => setAction(button.action)}
              data-testid={`request-action-${button.action}`}
            >
              {button.label}
            </Button>
          ))}
          {releaseHref && (
            <Button
              component={Link}
              to={releaseHref}
              fullWidth
              justify="flex-start"
              variant="default"
              data-testid="request-action-release"
            >
              {t('requests.actions.release')}
            </Button>
          )}
          {reviewHref && (
            <Button
              component={Link}
              to={reviewHref}
              fullWidth
              justify="flex-start"
              variant="default"
              data-testid="request-action-review"
            >
              {t('requests.actions.review')}
            </Button>
          )}
          <ErrorAlert error={acknowledge.error} />
        </Stack>
      )}
      <ResponsiveModal
        opened={action !== null}
        onClose={close}
        title={action ? titles[action] : ''}
        size={action === 'answer' ? 'xl' : 'lg'}
      >
        {action === 'answer' && <AnswerForm {...formProps} />}
        {action === 'refuse' && <ReasonForm {...formProps} kind="refuse" />}
        {action === 'cancel' && <ReasonForm {...formProps} kind="cancel" />}
        {action === 'renew' && <RenewForm {...formProps} />}
      </ResponsiveModal>
    </SectionCard>
  );
}
