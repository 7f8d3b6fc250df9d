import type { ContactChannel } from '@khien/contracts';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { vi } from './i18n';

type Texts = typeof vi;

/** A text of the form, by its key under `reportForm`: `toBank`, `channel.sms`. */
export type WordKey =
  | { [Key in keyof Texts]: Texts[Key] extends string ? Key : never }[keyof Texts]
  | `channel.${ContactChannel}`;

/**
 * What a page that reuses the sections of the citizen's report form (the staff intake) changes in them:
 * the test ids, and the words where its own differ.
 */
export interface FormVariant {
  /** `report` gives `report-story`, `report-transfer-amount`… */
  testIdPrefix: string;
  /** Whether a transfer's fields name their row in their test ids: `intake-transfer-0-amount`. */
  numberedRows: boolean;
  /** The page's own texts: another key, or null where it says nothing. */
  words: Partial<Record<WordKey, ParseKeys | null>>;
}

export const citizenForm: FormVariant = { testIdPrefix: 'report', numberedRows: false, words: {} };

/** The words and the test ids of a form's sections. */
export function useVariant({ testIdPrefix, numberedRows, words }: FormVariant) {
  const { t } = useTranslation();
  return {
    /** A text; '' where the page says nothing there. */
    word: (key: WordKey, values?: Record<string, string | number>): string => {
      const own = words[key];
      return own === null ? '' : t(own ?? `reportForm.${key}`, values);
    },
    testId: (name: string) => `${testIdPrefix}-${name}`,
    /** The test id of a field in a list's row: `report-transfer-amount`, `intake-transfer-0-amount`. */
    rowTestId: (list: string, index: number, field: string) =>
      numberedRows ? `${testIdPrefix}-${list}-${index}-${field}` : `${testIdPrefix}-${list}-${field}`,
  };
}
