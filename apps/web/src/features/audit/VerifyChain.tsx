import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import type { VerifyAuditChain } from './api';

export function VerifyChainButton({ verify }: { verify: VerifyAuditChain }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      onClick={() => verify.mutate()}
      loading={verify.isPending}
      data-testid="audit-verify"
    >
      {t('audit.verify')}
    </Button>
  );
}

/** The answer of the chain verification, announced to screen readers when it arrives. */
export function VerifyChainResult({ verify }: { verify: VerifyAuditChain }) {
  const { t } = useTranslation();
  if (verify.isError) return <ErrorAlert error={verify.error} />;
  if (!verify.data) return null;
  const { ok, checked, firstBrokenSeq, problem } = verify.data;
  return (
    <Stack mb="md" aria-live="polite" data-testid="audit-verify-result" data-ok={ok}>
      {ok ? (
        <Alert color="teal" variant="light" title={t('audit.verifyOkTitle')}>
          {t('audit.verifyOk', { checked: formatNumber(checked) })}
        </Alert>
      ) : (
        <Alert color="red" variant="light" title={t('audit.verifyBrokenTitle')}>
          {t('audit.verifyBroken', { seq: firstBrokenSeq ?? '?', checked: formatNumber(checked) })}
          {problem && <div>{t('audit.verifyProblem', { problem })}</div>}
        </Alert>
      )}
    </Stack>
  );
}
