import { Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessageText } from '../../ui/messages';
import { imageAccept, imageProblem } from './image';
import { checkTextProblem } from './request';

/** The file inputs are hidden (their buttons are what people use); tests reach them by these ids. */
const testId = (id: string) => ({ 'data-testid': id }) as ComponentPropsWithoutRef<'input'>;

interface CheckFormProps {
  initialText?: string;
  onSubmit: (text: string) => void;
  pending?: boolean;
  /** Called once the person starts using the box (the landing page loads the result page then). */
  onEngage?: () => void;
  /** Offers a picture of a payment QR code, checked with the text of the box, when given. */
  onImage?: (file: File, text: string) => void;
  imagePending?: boolean;
}

/**
 * The one box of the public check. Enter checks (Shift+Enter adds a line); a long pasted message is fine.
 * An empty or overlong text is explained here, without asking the server.
 */
export function CheckForm({
  initialText = '',
  onSubmit,
  pending = false,
  onEngage,
  onImage,
  imagePending = false,
}: CheckFormProps) {
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
  const [imageError, setImageError] = useState<string | null>(null);
  const resetPicker = useRef<() => void>(null);
  const resetCamera = useRef<() => void>(null);

  const chooseImage = (file: File | null) => {
    // Cleared, so that choosing the same picture again checks it again.
    resetPicker.current?.();
    resetCamera.current?.();
    if (!file || !onImage) return;
    const problem = imageProblem(file);
    setImageError(
      problem === 'too_large' ? t('check.imageTooLarge') : problem ? t('check.imageWrongType') : null,
    );
    if (!problem) onImage(file, text);
  };

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
        {onImage && (
          <Stack gap={6}>
            <Group gap="sm">
              <FileButton
                onChange={chooseImage}
                accept={imageAccept}
                resetRef={resetPicker}
                inputProps={testId('check-image')}
              >
                {(props) => (
                  <Button {...props} variant="default" size="md" loading={imagePending}>
                    {t('check.image')}
                  </Button>
                )}
              </FileButton>
              {/* On a phone, straight to the camera; the button above also offers the gallery. */}
              <FileButton
                onChange={chooseImage}
                accept={imageAccept}
                capture="environment"
                resetRef={resetCamera}
                inputProps={testId('check-image-camera')}
              >
                {(props) => (
                  <Button {...props} variant="default" size="md" hiddenFrom="sm" disabled={imagePending}>
                    {t('check.imageCamera')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {imageError ? (
              <Text size="sm" c="red.8" role="alert" data-testid="check-image-problem">
                {imageError}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('check.imageHelp')}
              </Text>
            )}
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t('check.privacyNote')}
        </Text>
      </Stack>
    </form>
  );
}
