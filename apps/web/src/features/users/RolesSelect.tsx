import type { MultiSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Role } from '@khien/contracts';
import { SearchableMultiSelect } from '../../ui/SearchableMultiSelect';

type RolesSelectProps = Omit<
  MultiSelectProps,
  'data' | 'filter' | 'searchable' | 'searchValue' | 'onSearchChange'
>;

/** The six roles with their Vietnamese names; type to filter, Enter or click to pick. */
export function RolesSelect(props: RolesSelectProps) {
  const { t } = useTranslation();
  const data = Role.options.map((value) => ({ value, label: t(`role.${value}`) }));
  return (
    <SearchableMultiSelect
      label={t('users.roles')}
      placeholder={t('users.rolesPlaceholder')}
      nothingFoundMessage={t('reference.nothingFound')}
      {...props}
      data={data}
    />
  );
}
