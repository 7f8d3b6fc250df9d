import { useTranslation } from 'react-i18next';
import { FollowPage } from '../tracking/FollowPage';
import { useFollowReport } from './api';
import { reportPath } from './links';
import { ReportStatusCard } from './ReportStatusCard';
import { isReportCode, normaliseReportCode } from './requests';

/** The link to the form for those who have sent nothing yet; the other words are `reportForm.follow`'s own. */
const sendWords = { none: 'reportForm.follow.noReport', send: 'reportForm.follow.newReport' } as const;

/**
 * `/to-giac/theo-doi`: the tracking code (also in the address, `?code=`) and the secret (never in the
 * address) give the report's stage, decision and the unit's messages. Right after sending, this tab still
 * knows the secret and shows the stage at once.
 */
export function FollowReportPage() {
  const { t } = useTranslation();
  const follow = useFollowReport();
  return (
    <FollowPage
      word={(key) => t(key === 'none' || key === 'send' ? sendWords[key] : `reportForm.follow.${key}`)}
      codeParam="code"
      normalise={normaliseReportCode}
      isCode={isReportCode}
      follow={follow}
      testIdPrefix="follow-report"
      sendPath={reportPath}
      renderStatus={(report, refresh) => <ReportStatusCard report={report} actions={refresh} />}
    />
  );
}
