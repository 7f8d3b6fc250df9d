import { useTranslation } from 'react-i18next';
import { agencyTypesInOrder, scopeLevels } from './labels';

export function useAgencyTypeOptions() {
  const { t } = useTranslation();
  return agencyTypesInOrder.map((value) => ({ value, label: t(`agencyType.${value}`) }));
}

export function useScopeOptions() {
  const { t } = useTranslation();
  return scopeLevels.map((value) => ({ value, label: t(`scopeLevel.${value}`) }));
}
