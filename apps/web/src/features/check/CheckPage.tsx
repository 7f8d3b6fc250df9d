import { Box, Button, Container, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocumentTitle } from '../../ui/PageHeader';
import { usePublicCheck } from './api';
import { CheckForm } from './CheckForm';
import { CheckItemCard, CheckProblems, VerdictBanner } from './CheckResult';
import { PublicHeader } from './PublicHeader';
import { checkRequestFrom } from './request';
import { useSubmitCheck } from './submit';

/** The public check (`/kiem-tra`): one box, then the answer in plain words. No sign-in. */
export function CheckPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('check.title')} · ${t('common.appName')}`);
  const [params] = useSearchParams();
  const location = useLocation();
  const spec = checkRequestFrom(params, location.state);
  const check = usePublicCheck(spec);
  const submit = useSubmitCheck({
    shownText: spec?.method === 'get' ? spec.text : null,
    onSame: () => void check.refetch(),
  });
  const result = spec ? check.data : undefined;

  return (
    <>
      <PublicHeader />
      <Box component="main" id="main" tabIndex={-1}>
        <Container size="sm" py={{ base: 'md', sm: 'xl' }}>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} fz={{ base: 26, sm: 34 }} lh={1.2}>
                {t('check.title')}
              </Title>
              <Text>{t('check.intro')}</Text>
            </Stack>
            <CheckForm
              initialText={spec?.text ?? ''}
              onSubmit={submit}
              pending={spec !== null && check.isFetching}
            />
            <Stack gap="md">
              {result && (
                <VisuallyHidden>
                  <Title order={2}>{t('check.resultsTitle')}</Title>
                </VisuallyHidden>
              )}
              {/* The live region is always there, so the verdict is announced when it arrives. */}
              <div
                role="status"
                aria-live="polite"
                aria-atomic="true"
                data-testid={result ? 'check-verdict' : undefined}
                data-verdict={result?.verdict}
              >
                {result ? (
                  <VerdictBanner response={result} />
                ) : spec && check.isFetching ? (
                  <Group gap="sm" py="md">
                    <Loader size="sm" aria-hidden="true" />
                    <Text>{t('check.checking')}</Text>
                  </Group>
                ) : null}
              </div>
              {spec && check.isError && (
                <ErrorAlert error={check.error} onRetry={() => void check.refetch()} />
              )}
              {result?.items.map((item, index) => (
                <CheckItemCard key={`${item.key}:${index}`} item={item} index={index} />
              ))}
              {result && <CheckProblems problems={result.problems} />}
            </Stack>
            <Emergency />
          </Stack>
        </Container>
      </Box>
    </>
  );
}

function Emergency() {
  const { t } = useTranslation();
  return (
    <Box
      component="section"
      aria-labelledby="check-emergency-title"
      bg="red.0"
      p="md"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Title order={2} fz="lg" c="red.9" id="check-emergency-title" mb={4}>
        {t('check.emergencyTitle')}
      </Title>
      <Text mb="sm">{t('check.emergencyBody')}</Text>
      <Button component="a" href="tel:113" color="red" size="md">
        {t('landing.call113')}
      </Button>
    </Box>
  );
}
