import { useTranslation } from 'react-i18next';
import { SearchableSelect, type SearchableSelectProps } from './SearchableSelect';

/** A list filter's select: empty means all, and it can be cleared. */
export function FilterSelect(
  props: Omit<SearchableSelectProps, 'placeholder' | 'clearable' | 'nothingFoundMessage'>,
) {
  const { t } = useTranslation();
  return (
    <SearchableSelect
      placeholder={t('common.all')}
      clearable
      nothingFoundMessage={t('reference.nothingFound')}
      {...props}
    />
  );
}
