import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateWebhookBody, WebhookEventType, type CreatedWebhook, type Webhook } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { DataTable, HiddenHeader } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Forbidden } from '../../ui/Forbidden';
import { formatDateTime } from '../../ui/format';
import { FormActions } from '../../ui/FormActions';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useCan } from '../auth/me-context';
import { checkBody, serverErrors } from '../requests/validate';
import { useCreateWebhook, useRemoveWebhook, useWebhookDeliveries, useWebhooks } from './api';
import { eventKey } from './events';

/** `/app/webhooks`: where the agency's request events are posted, and what happened to each post. */
export function WebhooksPage() {
  const can = useCan();
  return can('webhook.manage') ? <Webhooks /> : <Forbidden />;
}

function Webhooks() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const remove = useRemoveWebhook();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [removing, setRemoving] = useState<Webhook | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const closeRemove = () => {
    setRemoving(null);
    remove.reset();
  };
  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        description={t('webhooks.intro')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="webhook-create-open">
            {t('webhooks.create')}
          </Button>
        }
      />
      {webhooks.isPending ? (
        <PageLoader />
      ) : webhooks.isError ? (
        <ErrorAlert error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : webhooks.data.items.length === 0 ? (
        <Text c="dimmed">{t('webhooks.empty')}</Text>
      ) : (
        <DataTable
          minWidth={820}
          testId="webhook-table"
          label={t('webhooks.title')}
          head={
            <>
              <Table.Th scope="col">{t('webhooks.url')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.events')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.status')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.createdAt')}</Table.Th>
              <HiddenHeader label={t('webhooks.deliveries')} />
            </>
          }
        >
          {webhooks.data.items.map((webhook) => (
            <Table.Tr key={webhook.id} data-testid="webhook-row">
              <Table.Td miw={220} maw={320}>
                <Text size="sm" className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
                  {webhook.url}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {webhook.events.map((event) => (
                    <Badge key={event} variant="outline" color="blue.9" tt="none" title={event}>
                      {t(`webhooks.event.${eventKey(event)}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color={webhook.active ? 'teal.9' : 'gray.7'} tt="none">
                  {webhook.active ? t('webhooks.active') : t('webhooks.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(webhook.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    variant="default"
                    size="compact-sm"
                    onClick={() => setViewing(webhook)}
                    aria-label={t('webhooks.deliveriesLabel', { url: webhook.url })}
                    data-testid="webhook-deliveries"
                  >
                    {t('webhooks.deliveries')}
                  </Button>
                  <Button
                    variant="outline"
                    color="red"
                    size="compact-sm"
                    onClick={() => setRemoving(webhook)}
                    aria-label={t('webhooks.removeLabel', { url: webhook.url })}
                    data-testid="webhook-remove"
                  >
                    {t('webhooks.remove')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <ResponsiveModal opened={creating} onClose={() => setCreating(false)} title={t('webhooks.createTitle')}>
        <CreateWebhookForm
          onCancel={() => setCreating(false)}
          onCreated={(webhook) => {
            setCreating(false);
            setCreated(webhook);
            notifications.show({ color: 'teal', message: t('webhooks.created') });
          }}
        />
      </ResponsiveModal>
      <SecretModal webhook={created} onClose={() => setCreated(null)} />
      <ResponsiveModal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing ? t('webhooks.deliveriesTitle', { url: viewing.url }) : ''}
        size="xl"
      >
        {viewing && <Deliveries webhookId={viewing.id} />}
      </ResponsiveModal>
      <ConfirmModal
        opened={removing !== null}
        title={t('webhooks.removeTitle')}
        message={removing ? t('webhooks.removeConfirm', { url: removing.url }) : ''}
        confirmLabel={t('webhooks.remove')}
        pending={remove.isPending}
        error={remove.error}
        onClose={closeRemove}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('webhooks.removed') });
              closeRemove();
            },
          });
        }}
      />
    </>
  );
}

interface WebhookValues {
  url: string;
  events: string[];
}

const toBody = (values: WebhookValues) => ({ url: values.url.trim(), events: values.events });
const fieldOf = (path: string) => path.split('.')[0] ?? path;

function CreateWebhookForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (webhook: CreatedWebhook) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const form = useForm<WebhookValues>({
    initialValues: { url: 'https://', events: [...WebhookEventType.options] },
    validate: (values) => checkBody(CreateWebhookBody, toBody(values), fieldOf),
  });
  const submit = form.onSubmit((values) =>
    create.mutate(CreateWebhookBody.parse(toBody(values)), {
      onSuccess: onCreated,
      onError: (error) => form.setErrors(serverErrors(error, fieldOf)),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          type="url"
          label={t('webhooks.url')}
          description={t('webhooks.urlHelp')}
          required
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          classNames={{ input: 'khien-mono' }}
          data-autofocus
          data-testid="webhook-url"
          {...form.getInputProps('url')}
        />
        <Checkbox.Group
          label={t('webhooks.events')}
          description={t('webhooks.eventsHelp')}
          required
          {...form.getInputProps('events')}
        >
          <Stack gap="xs" mt="xs">
            {WebhookEventType.options.map((event) => (
              <Checkbox
                key={event}
                value={event}
                label={t(`webhooks.event.${eventKey(event)}`)}
                description={event}
                data-testid={`webhook-event-${event}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={create.error} fields={['url', 'events']} />
        <FormActions
          submitLabel={t('webhooks.submit')}
          submitTestId="webhook-submit"
          pending={create.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** The secret, the only time it is ever shown; closing needs an explicit choice. */
function SecretModal({ webhook, onClose }: { webhook: CreatedWebhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={webhook !== null}
      onClose={onClose}
      title={t('webhooks.secretTitle')}
      centered
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {webhook && (
        <Stack>
          <Alert color="red" variant="light" title={webhook.url} role="alert">
            {t('webhooks.secretWarning')}
          </Alert>
          <div>
            <Text size="sm" fw={600} mb={4} id="webhook-secret-label">
              {t('webhooks.secretLabel')}
            </Text>
            <Code
              block
              className="khien-mono"
              aria-labelledby="webhook-secret-label"
              style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
              data-testid="webhook-secret"
            >
              {webhook.secret}
            </Code>
          </div>
          <Group justify="space-between">
            <CopyButton value={webhook.secret}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  data-testid="webhook-secret-copy"
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose} data-testid="webhook-secret-done">
              {t('webhooks.secretDone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

const deliveryPage = 20;

function Deliveries({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const deliveries = useWebhookDeliveries(webhookId, deliveryPage, offset);
  return (
    <PagedResults query={deliveries} limit={deliveryPage} offset={offset} onOffsetChange={setOffset}>
      {(items) =>
        items.length === 0 ? (
          <Text c="dimmed">{t('webhooks.deliveriesEmpty')}</Text>
        ) : (
          <DataTable
            minWidth={760}
            testId="webhook-delivery-table"
            label={t('webhooks.deliveries')}
            head={
              <>
                <Table.Th scope="col">{t('webhooks.delivery.at')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.delivery.event')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('webhooks.delivery.attempt')}
                </Table.Th>
                <Table.Th scope="col">{t('webhooks.delivery.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('webhooks.delivery.responseStatus')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('webhooks.delivery.duration')}
                </Table.Th>
                <Table.Th scope="col">{t('webhooks.delivery.error')}</Table.Th>
              </>
            }
          >
            {items.map((delivery) => (
              <Table.Tr key={delivery.id} data-testid="webhook-delivery" data-status={delivery.status}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(delivery.at)}</Table.Td>
                <Table.Td>{t(`webhooks.event.${eventKey(delivery.event)}`)}</Table.Td>
                <Table.Td ta="right">{delivery.attempt}</Table.Td>
                <Table.Td>
                  <Badge
                    variant={delivery.status === 'failed' ? 'filled' : 'outline'}
                    color={delivery.status === 'failed' ? 'red.9' : 'teal.9'}
                    tt="none"
                  >
                    {t(`webhooks.delivery.${delivery.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" className="khien-mono">
                  {delivery.responseStatus ?? t('common.none')}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('webhooks.delivery.durationValue', { ms: delivery.durationMs })}
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="xs" className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
                    {delivery.error ?? delivery.responseExcerpt ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )
      }
    </PagedResults>
  );
}
