import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { firstMatch, foldingFilter } from './text';

export type SearchableSelectProps = Omit<
  SelectProps,
  'data' | 'searchable' | 'filter' | 'dropdownOpened' | 'onDropdownOpen' | 'onDropdownClose'
> & { data: ComboboxItem[] };

/**
 * A select to type into: diacritics are optional ("thai nguyen" finds "Thái Nguyên"), the first match
 * is highlighted, and Enter picks it, even when the list had not rendered yet when the key was pressed
 * (then Enter would otherwise submit the form).
 */
export function SearchableSelect({ data, onKeyDown, onChange, ...props }: SearchableSelectProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const pickFirstMatch = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.currentTarget.getAttribute('aria-activedescendant')) return; // Mantine picks the highlighted option
    const option = firstMatch(data, event.currentTarget.value);
    if (!option) return;
    event.preventDefault();
    onChange?.(option.value, option);
    setOpened(false);
  };
  return (
    <Select
      allowDeselect={false}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
      data={data}
      onChange={onChange}
      searchable
      selectFirstOptionOnChange
      filter={foldingFilter}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        pickFirstMatch(event);
      }}
    />
  );
}
