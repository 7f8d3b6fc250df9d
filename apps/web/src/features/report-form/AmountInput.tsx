import { TextInput, type TextInputProps } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { amountDigits, caretAfterDigits, digitsBeforeCaret, groupDigits, thousandsSeparator } from './amount';

type AmountInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  /** Digits only. */
  value: string;
  onChange: (digits: string) => void;
};

/**
 * An amount in đồng, grouped in thousands as it is typed ("1.500.000"), with the phone's number pad. The
 * caret stays after the digit it was after, so correcting a digit in the middle does not jump to the end.
 */
export function AmountInput({ value, onChange, ...props }: AmountInputProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const separator = thousandsSeparator(currentLocale());
  const shown = groupDigits(value, separator);

  useLayoutEffect(() => {
    const node = input.current;
    if (caret.current === null || !node || node !== document.activeElement) return;
    node.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  return (
    <TextInput
      {...props}
      ref={input}
      value={shown}
      inputMode="numeric"
      autoComplete="off"
      rightSection={t('reportForm.currency')}
      rightSectionWidth={56}
      rightSectionProps={{ 'aria-hidden': true, style: { fontSize: 'var(--mantine-font-size-sm)' } }}
      onChange={(event) => {
        const { value: typed, selectionStart } = event.currentTarget;
        const digits = amountDigits(typed);
        caret.current = caretAfterDigits(
          groupDigits(digits, separator),
          digitsBeforeCaret(typed, selectionStart ?? typed.length),
        );
        onChange(digits);
      }}
    />
  );
}
