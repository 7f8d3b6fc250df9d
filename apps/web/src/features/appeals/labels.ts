import { AppealStatus } from '@khien/contracts';
import { useTranslation } from 'react-i18next';

export function useAppealStatusOptions() {
  const { t } = useTranslation();
  return AppealStatus.options.map((value) => ({ value, label: t(`appealStatus.${value}`) }));
}
