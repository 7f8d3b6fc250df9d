import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RuleSetVersion } from '@khien/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { fieldMessageText } from '../../ui/messages';
import { useEditDraft } from './api';
import { draftText, parseDraftText, type ParsedDraft } from './draft';

type Failure = Exclude<ParsedDraft, { ok: true }>;

/**
 * A draft as JSON, edited as text: parsed and checked by the contract on saving, the syntax error with
 * its line and column, the misshapen places by path; the server's own refusals as it words them.
 */
export function DraftEditor({
  draft,
  onClose,
  onSaved,
}: {
  draft: RuleSetVersion;
  onClose: () => void;
  /** The draft was saved: the problems found in its earlier text are stale. */
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const saved = draftText(draft.ruleSet);
  const [text, setText] = useState(saved);
  const [failure, setFailure] = useState<Failure | null>(null);
  const edit = useEditDraft();
  const input = useRef<HTMLTextAreaElement>(null);
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseDraftText(text);
    if (!parsed.ok) {
      setFailure(parsed);
      // The cursor goes where the JSON broke, so the fix starts there.
      if (parsed.kind === 'syntax' && parsed.offset !== null && input.current) {
        input.current.focus();
        input.current.setSelectionRange(parsed.offset, parsed.offset);
      }
      return;
    }
    setFailure(null);
    edit.mutate(
      { version: draft.version, body: parsed.body },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'teal',
            message: t('screening.editor.saved', { version: updated.version }),
          });
          onSaved();
        },
      },
    );
  };
  return (
    <form onSubmit={save} noValidate data-testid="screening-draft-editor">
      <Stack>
        <Text size="sm">{t('screening.editor.intro')}</Text>
        <Textarea
          label={t('screening.editor.label')}
          description={t('screening.editor.help')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={16}
          maxRows={28}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          ref={input}
          aria-invalid={failure ? true : undefined}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-autofocus
          data-testid="screening-draft-json"
        />
        {failure && <FailureAlert failure={failure} />}
        <ErrorAlert error={edit.error} />
        <Group justify="space-between">
          <Button
            variant="subtle"
            onClick={() => {
              setText(saved);
              setFailure(null);
            }}
            disabled={text === saved}
          >
            {t('screening.editor.reset')}
          </Button>
          <FormActions
            submitLabel={t('screening.editor.save')}
            submitTestId="screening-draft-save"
            pending={edit.isPending}
            onCancel={onClose}
          />
        </Group>
      </Stack>
    </form>
  );
}

function FailureAlert({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  if (failure.kind === 'syntax')
    return (
      <Alert color="red" variant="light" role="alert" data-testid="screening-draft-error">
        {failure.line !== null
          ? t('screening.editor.jsonErrorAt', {
              line: failure.line,
              column: failure.column ?? 1,
              near: failure.near,
            })
          : t('screening.editor.jsonError', { detail: failure.detail })}
      </Alert>
    );
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('screening.editor.shapeError')}
      data-testid="screening-draft-error"
    >
      <List size="sm" spacing={2}>
        {failure.issues.slice(0, 20).map((issue) => (
          <List.Item key={`${issue.path}:${issue.message}`}>
            <Text span size="sm" fw={600} className="khien-mono">
              {issue.path || '—'}
            </Text>
            {': '}
            {fieldMessageText(issue.message)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
