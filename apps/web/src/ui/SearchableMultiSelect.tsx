import { MultiSelect, type ComboboxItem, type MultiSelectProps } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { firstMatch, foldingFilter } from './text';

type SearchableMultiSelectProps = Omit<
  MultiSelectProps,
  | 'data'
  | 'searchable'
  | 'filter'
  | 'dropdownOpened'
  | 'onDropdownOpen'
  | 'onDropdownClose'
  | 'searchValue'
  | 'onSearchChange'
> & { data: ComboboxItem[] };

/**
 * A multi-select to type into, without regard to diacritics. An option picked by typing and Enter
 * closes the list, so it does not cover the rest of the form; browsing the list without typing keeps
 * it open for the next pick.
 */
export function SearchableMultiSelect({
  data,
  onOptionSubmit,
  onKeyDown,
  ...props
}: SearchableMultiSelectProps) {
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const pickFirstMatch = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.currentTarget.getAttribute('aria-activedescendant')) return; // Mantine picks the highlighted option
    const option = firstMatch(data, search);
    if (!option) return;
    event.preventDefault();
    const value = props.value ?? [];
    if (!value.includes(option.value)) props.onChange?.([...value, option.value]);
    setSearch('');
    setOpened(false);
  };
  return (
    <MultiSelect
      {...props}
      data={data}
      searchable
      selectFirstOptionOnChange
      filter={foldingFilter}
      searchValue={search}
      onSearchChange={setSearch}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onOptionSubmit={(value) => {
        onOptionSubmit?.(value);
        if (search.trim()) setOpened(false);
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        pickFirstMatch(event);
      }}
    />
  );
}
