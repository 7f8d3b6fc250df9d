import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKey } from '@khien/contracts';

/** Shows a new key's secret, the only time it is ever shown; closing needs an explicit choice. */
export function SecretModal({ apiKey, onClose }: { apiKey: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={apiKey !== null}
      onClose={onClose}
      title={t('apiKeys.secretTitle')}
      centered
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {apiKey && (
        <Stack>
          <Alert color="red" variant="light" title={apiKey.name}>
            {t('apiKeys.secretWarning')}
          </Alert>
          <div>
            <Text size="sm" fw={600} mb={4} id="apikey-secret-label">
              {t('apiKeys.secretLabel')}
            </Text>
            <Code
              block
              className="khien-mono"
              aria-labelledby="apikey-secret-label"
              data-testid="apikey-secret"
            >
              {apiKey.secret}
            </Code>
          </div>
          <Group justify="space-between">
            <CopyButton value={apiKey.secret}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  data-testid="apikey-copy"
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose} data-testid="apikey-secret-done">
              {t('apiKeys.secretDone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
