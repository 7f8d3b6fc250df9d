import { AllowlistCategory, IndicatorKind, IndicatorStatus, ScamMethod, Sharing } from '@khien/contracts';
import { useTranslation } from 'react-i18next';

export function useKindOptions() {
  const { t } = useTranslation();
  return IndicatorKind.options.map((value) => ({ value, label: t(`indicatorKind.${value}`) }));
}

export function useStatusOptions() {
  const { t } = useTranslation();
  return IndicatorStatus.options.map((value) => ({ value, label: t(`indicatorStatus.${value}`) }));
}

/** The scam methods in the taxonomy's order, "other" last as the taxonomy has it. */
export function useMethodOptions() {
  const { t } = useTranslation();
  return ScamMethod.options.map((value) => ({ value, label: t(`scamMethod.${value}`) }));
}

export function useSharingOptions() {
  const { t } = useTranslation();
  return Sharing.options.map((value) => ({ value, label: t(`sharing.${value}`) }));
}

export function useCategoryOptions() {
  const { t } = useTranslation();
  return AllowlistCategory.options.map((value) => ({ value, label: t(`allowlistCategory.${value}`) }));
}
