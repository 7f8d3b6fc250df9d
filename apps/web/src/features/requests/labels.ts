import { RequestStatus, RequestType } from '@khien/contracts';
import { useTranslation } from 'react-i18next';

export function useRequestStatusOptions() {
  const { t } = useTranslation();
  return RequestStatus.options.map((value) => ({ value, label: t(`requests.status.${value}`) }));
}

export function useRequestTypeOptions() {
  const { t } = useTranslation();
  return RequestType.options.map((value) => ({ value, label: t(`requests.type.${value}`) }));
}

/** The colour of a status; the words always say it too. */
export const requestStatusColor: Record<RequestStatus, string> = {
  sent: 'blue',
  acknowledged: 'yellow',
  answered: 'teal',
  refused: 'red',
  cancelled: 'gray',
};

export const holdStateColor = { active: 'teal.9', released: 'gray.7', expired: 'red.9' } as const;
