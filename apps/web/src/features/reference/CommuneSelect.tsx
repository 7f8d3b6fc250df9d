import { useTranslation } from 'react-i18next';
import { SearchableSelect, type SearchableSelectProps } from '../../ui/SearchableSelect';
import { communeLabel, useCommunes } from './api';

type CommuneSelectProps = Omit<SearchableSelectProps, 'data'> & { provinceCode: string | null };

/** The communes, wards and special zones of one province, searchable with or without diacritics. */
export function CommuneSelect({ provinceCode, ...props }: CommuneSelectProps) {
  const { t, i18n } = useTranslation();
  const { data, isError, isFetching } = useCommunes(provinceCode);
  const options = (data ?? []).map((c) => ({ value: c.code, label: communeLabel(c, i18n.language) }));
  return (
    <SearchableSelect
      label={t('reference.commune')}
      placeholder={provinceCode ? t('reference.communePlaceholder') : t('reference.chooseProvinceFirst')}
      nothingFoundMessage={isFetching ? t('common.loading') : t('reference.nothingFound')}
      {...props}
      disabled={!provinceCode || props.disabled}
      error={props.error ?? (isError ? t('reference.loadFailed') : undefined)}
      data={options}
      limit={200}
      maxDropdownHeight={280}
    />
  );
}
