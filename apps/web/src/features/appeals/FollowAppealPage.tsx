import { useTranslation } from 'react-i18next';
import { FollowPage, type FollowWord } from '../tracking/FollowPage';
import { useFollowAppeal } from './api';
import { AppealStatusCard } from './AppealStatusCard';
import { appealPath } from './links';
import { isTrackingCode, normaliseTrackingCode } from './requests';

/** The follow page's words, for an appeal. */
const words = {
  title: 'appeals.followTitle',
  intro: 'appeals.followIntro',
  code: 'appeals.trackingCode',
  codePlaceholder: 'appeals.followCodePlaceholder',
  codeInvalid: 'fieldErrors.tracking_code.invalid',
  secret: 'appeals.secret',
  secretRequired: 'fieldErrors.secret.required',
  submit: 'appeals.followSubmit',
  refresh: 'appeals.followRefresh',
  none: 'appeals.noAppealYet',
  send: 'appeals.newAppeal',
} as const satisfies Record<FollowWord, string>;

/**
 * `/khieu-nai/theo-doi`: the tracking code (also in the address, `?ma=`) and the secret (never in the
 * address) give the appeal's stage and decision. Right after sending, this tab still knows the secret.
 */
export function FollowAppealPage() {
  const { t } = useTranslation();
  const follow = useFollowAppeal();
  return (
    <FollowPage
      word={(key) => t(words[key])}
      codeParam="ma"
      normalise={normaliseTrackingCode}
      isCode={isTrackingCode}
      follow={follow}
      testIdPrefix="follow"
      sendPath={appealPath}
      renderStatus={(appeal, refresh) => <AppealStatusCard appeal={appeal} actions={refresh} />}
    />
  );
}
