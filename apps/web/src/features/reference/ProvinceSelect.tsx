import { useTranslation } from 'react-i18next';
import { SearchableSelect, type SearchableSelectProps } from '../../ui/SearchableSelect';
import { provinceLabel, useProvinces } from './api';

type ProvinceSelectProps = Omit<SearchableSelectProps, 'data'>;

/** The 34 provinces and cities, searchable with or without diacritics; the value is the province code. */
export function ProvinceSelect(props: ProvinceSelectProps) {
  const { t, i18n } = useTranslation();
  const { data, isError } = useProvinces();
  const options = (data ?? []).map((p) => ({ value: p.code, label: provinceLabel(p, i18n.language) }));
  return (
    <SearchableSelect
      label={t('reference.province')}
      placeholder={t('reference.provincePlaceholder')}
      nothingFoundMessage={t('reference.nothingFound')}
      {...props}
      error={props.error ?? (isError ? t('reference.loadFailed') : undefined)}
      data={options}
      maxDropdownHeight={280}
    />
  );
}
