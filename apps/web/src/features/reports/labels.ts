import { ReportStatus, StaffReportChannel } from '@khien/contracts';
import { useTranslation } from 'react-i18next';

export function useReportStatusOptions() {
  const { t } = useTranslation();
  return ReportStatus.options.map((value) => ({ value, label: t(`reports.status.${value}`) }));
}

/** The ways staff take a report: everything but the public form. */
export function useStaffChannelOptions() {
  const { t } = useTranslation();
  return StaffReportChannel.options.map((value) => ({ value, label: t(`reports.channel.${value}`) }));
}

/** The colour of a stage; the words always say it too. */
export const reportStatusColor: Record<ReportStatus, string> = {
  received: 'blue',
  verifying: 'yellow',
  decided: 'teal',
  closed: 'gray',
};
