import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchableSelect, type SearchableSelectProps } from '../../ui/SearchableSelect';
import { useAgencies } from './api';

type AgencySelectProps = Omit<SearchableSelectProps, 'data' | 'onSearchChange'>;

/** Picks an agency by name; the server searches (without regard to diacritics), so any number of agencies works. */
export function AgencySelect(props: AgencySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const agencies = useAgencies({ q: q || undefined, limit: 50, offset: 0 });
  const options = (agencies.data?.items ?? []).map((agency) => ({
    value: agency.id,
    label: agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name,
  }));
  return (
    <SearchableSelect
      nothingFoundMessage={agencies.isFetching ? t('common.loading') : t('reference.nothingFound')}
      maxDropdownHeight={280}
      {...props}
      data={options}
      onSearchChange={setSearch}
    />
  );
}
