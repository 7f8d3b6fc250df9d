import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessageText } from '../../ui/messages';
import { checkTextProblem } from './request';

interface CheckFormProps {
  initialText?: string;
  onSubmit: (text: string) => void;
  pending?: boolean;
  /** Called once the person starts using the box (the landing page loads the result page then). */
  onEngage?: () => void;
}

/**
 * The one box of the public check. Enter checks (Shift+Enter adds a line); a long pasted message is fine.
 * An empty or overlong text is explained here, without asking the server.
 */
export function CheckForm({ initialText = '', onSubmit, pending = false, onEngage }: CheckFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [shown, setShown] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  // "Back" and "forward" show another check: the box follows it (keeping the focus where it is).
  if (initialText !== shown) {
    setShown(initialText);
    setText(initialText);
    setError(null);
  }
  const input = useRef<HTMLTextAreaElement>(null);
  const engaged = useRef(false);

  const engage = () => {
    if (engaged.current) return;
    engaged.current = true;
    onEngage?.();
  };

  const submit = () => {
    const problem = checkTextProblem(text);
    if (problem) {
      setError(fieldMessageText(problem));
      input.current?.focus();
      return;
    }
    setError(null);
    onSubmit(text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      role="search"
      aria-label={t('check.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Textarea
          ref={input}
          name="q"
          label={t('check.inputLabel')}
          placeholder={t('check.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (error) setError(null);
          }}
          onFocus={engage}
          onKeyDown={onKeyDown}
          error={error}
          autosize
          minRows={2}
          maxRows={10}
          size="lg"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          styles={{ label: { fontWeight: 700, marginBottom: 6 } }}
          data-testid="check-input"
        />
        <Group>
          <Button
            type="submit"
            size="lg"
            loading={pending}
            w={{ base: '100%', xs: 'auto' }}
            miw={{ xs: 220 }}
            data-testid="check-submit"
          >
            {t('check.submit')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('check.privacyNote')}
        </Text>
      </Stack>
    </form>
  );
}
