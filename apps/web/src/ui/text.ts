import { foldVietnamese } from '@khien/core/text';
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

export { foldVietnamese };

/** Every word of the search appears in the text, with or without diacritics. */
export function matchesSearch(text: string, search: string): boolean {
  const words = foldVietnamese(search).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldVietnamese(text);
  return words.every((word) => haystack.includes(word));
}

function isGroup(item: ComboboxParsedItem): item is Extract<ComboboxParsedItem, { group: string }> {
  return 'group' in item;
}

/** A Mantine combobox filter that ignores diacritics and keeps the order of the options. */
export const foldingFilter: OptionsFilter = ({ options, search, limit }) => {
  const result: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (result.length >= limit) break;
    if (isGroup(option)) {
      const items = option.items.filter((item: ComboboxItem) => matchesSearch(item.label, search));
      if (items.length > 0) result.push({ group: option.group, items });
    } else if (matchesSearch(option.label, search)) {
      result.push(option);
    }
  }
  return result;
};

/** The first option whose label matches a non-empty search, as Enter should pick it. */
export function firstMatch<T extends ComboboxItem>(options: readonly T[], search: string): T | undefined {
  if (!foldVietnamese(search)) return undefined;
  return options.find((option) => matchesSearch(option.label, search));
}
