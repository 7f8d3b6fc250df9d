import { Anchor, Button, Card, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CodeInput } from '../../ui/CodeInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { serverFieldErrors } from '../../ui/messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { rememberedSecret, type FollowRequest } from './codes';
import { PublicShell } from './PublicShell';

const fields = ['trackingCode', 'secret'] as const;

/** The texts of a follow page; `none` and `send` make the link for those who have sent nothing yet. */
export type FollowWord =
  | 'title'
  | 'intro'
  | 'code'
  | 'codePlaceholder'
  | 'codeInvalid'
  | 'secret'
  | 'secretRequired'
  | 'submit'
  | 'refresh'
  | 'none'
  | 'send';

interface FollowPageProps<Status> {
  word: (key: FollowWord) => string;
  /** The address parameter that holds the tracking code (`?code=`, `?ma=`); the secret is never in it. */
  codeParam: string;
  /** A code as typed or read out on the phone, in the server's form. */
  normalise: (code: string) => string;
  /** The server's own check of a code. */
  isCode: (code: string) => boolean;
  follow: UseMutationResult<Status, Error, FollowRequest>;
  /** `follow-report` names the fields `follow-report-code`, `follow-report-secret`, `follow-report-submit`. */
  testIdPrefix: string;
  /** The form that sends one, for those who have nothing to follow yet. */
  sendPath: string;
  /** Where it stands, with the button that asks again. */
  renderStatus: (status: Status, refresh: ReactNode) => ReactNode;
}

/**
 * A public follow page: the tracking code (also in the address) and the secret (never in the address) give
 * the stage of a report or an appeal. Right after sending, this tab still knows the secret and shows the
 * stage at once.
 */
export function FollowPage<Status>({
  word,
  codeParam,
  normalise,
  isCode,
  follow,
  testIdPrefix,
  sendPath,
  renderStatus,
}: FollowPageProps<Status>) {
  const [params, setParams] = useSearchParams();
  // The last answer stays on screen while "Refresh" asks again.
  const [shown, setShown] = useState<Status | null>(null);
  const codeInAddress = normalise(params.get(codeParam) ?? '');
  const form = useForm<FollowRequest>({
    initialValues: { trackingCode: codeInAddress, secret: rememberedSecret(codeInAddress) ?? '' },
    validate: {
      trackingCode: (code) => (isCode(normalise(code)) ? null : word('codeInvalid')),
      secret: (secret) => (secret.trim() ? null : word('secretRequired')),
    },
  });

  const ask = (request: FollowRequest) =>
    follow.mutate(request, {
      onSuccess: setShown,
      onError: (error) => {
        setShown(null);
        form.setErrors(serverFieldErrors(error, fields));
      },
    });

  const submit = form.onSubmit(
    ({ trackingCode, secret }) => {
      const code = normalise(trackingCode);
      form.setFieldValue('trackingCode', code);
      if (params.get(codeParam) !== code) setParams({ [codeParam]: code }, { replace: true });
      ask({ trackingCode: code, secret: secret.trim() });
    },
    (errors) => {
      const first = fields.find((field) => errors[field]);
      if (first) form.getInputNode(first)?.focus();
    },
  );

  // Arriving from the receipt in this tab: both codes are known, so the stage is asked for at once.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    const secret = rememberedSecret(codeInAddress);
    if (secret && isCode(codeInAddress)) ask({ trackingCode: codeInAddress, secret });
  });

  const refresh = (
    <Button
      variant="default"
      w="fit-content"
      loading={follow.isPending}
      onClick={() => follow.variables && ask(follow.variables)}
    >
      {word('refresh')}
    </Button>
  );

  return (
    <PublicShell title={word('title')} intro={word('intro')}>
      <Card
        withBorder
        padding="lg"
        radius="md"
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={word('title')}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <CodeInput
              label={word('code')}
              placeholder={word('codePlaceholder')}
              required
              size="md"
              autoCapitalize="characters"
              maxLength={20}
              data-testid={`${testIdPrefix}-code`}
              {...form.getInputProps('trackingCode')}
            />
            <PasswordInput
              label={word('secret')}
              required
              size="md"
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
              data-testid={`${testIdPrefix}-secret`}
              {...form.getInputProps('secret')}
            />
          </SimpleGrid>
          <SubmitButton loading={follow.isPending} testId={`${testIdPrefix}-submit`}>
            {word('submit')}
          </SubmitButton>
        </Stack>
      </Card>
      <div aria-live="polite">
        {follow.error ? (
          <ErrorAlert error={follow.error} fields={fields} />
        ) : shown ? (
          renderStatus(shown, refresh)
        ) : null}
      </div>
      <Text size="sm">
        {word('none')}{' '}
        <Anchor component={Link} to={sendPath}>
          {word('send')}
        </Anchor>
      </Text>
    </PublicShell>
  );
}
