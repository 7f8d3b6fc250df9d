import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Loader,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { codeMessageText, errorText } from '../../ui/messages';
import { useDocumentTitle } from '../../ui/PageHeader';
import { checkKeys, usePublicCheck } from './api';
import { CheckForm } from './CheckForm';
import { CheckItemCard, CheckProblems, VerdictBanner } from './CheckResult';
import { unreadableImageCode, useImageCheck } from './image';
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
  const submitText = useSubmitCheck({
    shownText: spec?.method === 'get' ? spec.text : null,
    onSame: () => void check.refetch(),
  });
  // A picture's answer is shown in place of the text's until another check is asked for or the address
  // changes ("back" shows the text's answer again); the picture itself is never kept.
  const imageCheck = useImageCheck();
  const specKey = spec ? JSON.stringify(checkKeys.of(spec)) : '';
  const [image, setImage] = useState<{ specKey: string; name: string } | null>(null);
  if (image && image.specKey !== specKey) setImage(null);
  const showImage = image !== null;

  const submit = (text: string) => {
    setImage(null);
    submitText(text);
  };
  const checkImage = (file: File, text: string) => {
    setImage({ specKey, name: file.name });
    imageCheck.mutate({ file, text });
  };

  const result = showImage ? imageCheck.data : spec ? check.data : undefined;
  const fetching = showImage ? imageCheck.isPending : spec !== null && check.isFetching;

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
              pending={!showImage && spec !== null && check.isFetching}
              onImage={checkImage}
              imagePending={imageCheck.isPending}
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
                  <Stack gap={6}>
                    {showImage && (
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {t('check.imageResult', { name: image.name })}
                      </Text>
                    )}
                    <VerdictBanner response={result} />
                  </Stack>
                ) : fetching ? (
                  <Group gap="sm" py="md">
                    <Loader size="sm" aria-hidden="true" />
                    <Text>{showImage ? t('check.imageChecking') : t('check.checking')}</Text>
                  </Group>
                ) : showImage && imageCheck.isError ? (
                  <ImageError
                    error={imageCheck.error}
                    onRetry={() => imageCheck.variables && imageCheck.mutate(imageCheck.variables)}
                  />
                ) : null}
              </div>
              {!showImage && spec && check.isError && (
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

/** Why a picture gave no answer: the QR reader's reason in plain words, or the failure of the call. */
function ImageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const code = unreadableImageCode(error);
  if (code === null) return <ErrorAlert error={error} fields={['image']} onRetry={onRetry} />;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('check.imageUnreadableTitle')}
      data-testid="check-image-error"
      data-code={code}
    >
      {codeMessageText(code) ?? errorText(error)}
    </Alert>
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
