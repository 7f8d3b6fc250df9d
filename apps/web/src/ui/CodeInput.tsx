import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * A text input for what must be typed exactly, not words: a number, an account, a link, a code. Shown in
 * the monospaced font that tells 0 from O; the browser neither fills it in nor corrects its spelling.
 */
export function CodeInput(props: TextInputProps) {
  return <TextInput autoComplete="off" spellCheck={false} classNames={{ input: 'khien-mono' }} {...props} />;
}
