import type { Me } from '@khien/contracts';
import { can } from '../features/auth/me-context';

export type NavLabel =
  | 'overview'
  | 'reports'
  | 'cases'
  | 'networks'
  | 'requests'
  | 'recovery'
  | 'screening'
  | 'registry'
  | 'appeals'
  | 'allowlist'
  | 'delegations'
  | 'agencies'
  | 'webhooks'
  | 'myAgency'
  | 'audit'
  | 'profile';

export interface NavItem {
  to: string;
  label: NavLabel;
  testId: string;
  /** Active only on this exact path (the overview), not on the paths below it. */
  exact?: boolean;
}

export const profilePath = '/app/ho-so';
export const registryPath = '/app/nghi-van';
export const allowlistPath = '/app/danh-sach-chinh-thuc';
export const appealsPath = '/app/khieu-nai';
export const delegationsPath = '/app/uy-quyen';
export const reportsPath = '/app/to-giac';
export const casesPath = '/app/vu-viec';
export const networksPath = '/app/mang-luoi';
export const requestsPath = '/app/yeu-cau';
export const recoveryPath = '/app/thu-hoi';
export const webhooksPath = '/app/webhooks';
export const screeningPath = '/app/sang-loc';

/** The staff menu follows Me.allowedActions: an item appears only when its action is allowed. */
export function navItems(me: Me): NavItem[] {
  const profile: NavItem = { to: profilePath, label: 'profile', testId: 'nav-profile' };
  if (me.totpEnrolmentRequired) return [profile];
  const items: NavItem[] = [{ to: '/app', label: 'overview', testId: 'nav-home', exact: true }];
  // The police inbox of reports (tố giác) and the cases they are grouped into.
  if (can(me, 'report.list')) items.push({ to: reportsPath, label: 'reports', testId: 'nav-reports' });
  if (can(me, 'case.manage')) items.push({ to: casesPath, label: 'cases', testId: 'nav-cases' });
  if (can(me, 'report.list')) items.push({ to: networksPath, label: 'networks', testId: 'nav-networks' });
  // Requests between agencies (holds, information, takedowns) and the money they recover.
  if (can(me, 'request.read')) items.push({ to: requestsPath, label: 'requests', testId: 'nav-requests' });
  if (can(me, 'recovery.read')) items.push({ to: recoveryPath, label: 'recovery', testId: 'nav-recovery' });
  // A bank's analysts review the transfers screening held or blocked, and keep the rule sets.
  if (can(me, 'screening.review'))
    items.push({ to: screeningPath, label: 'screening', testId: 'nav-screening' });
  if (can(me, 'indicator.list')) items.push({ to: registryPath, label: 'registry', testId: 'nav-registry' });
  // Appeals against listings are decided by the police, who decide the entries themselves.
  if (can(me, 'appeal.decide')) items.push({ to: appealsPath, label: 'appeals', testId: 'nav-appeals' });
  // Every staff member may read the official list (it is what citizens are told is official).
  items.push({ to: allowlistPath, label: 'allowlist', testId: 'nav-allowlist' });
  // Police leaders grant registry decisions to other agencies; the agencies granted them reach the
  // read-only page from the suspicious list instead.
  if (can(me, 'delegation.manage'))
    items.push({ to: delegationsPath, label: 'delegations', testId: 'nav-delegations' });
  if (can(me, 'agency.list')) {
    items.push({ to: '/app/co-quan', label: 'agencies', testId: 'nav-agencies' });
  } else if (can(me, 'user.list') || can(me, 'apikey.list')) {
    items.push({ to: `/app/co-quan/${me.agency.id}`, label: 'myAgency', testId: 'nav-my-agency' });
  }
  // Banks, telcos and platforms receive requests by webhook too.
  if (can(me, 'webhook.manage')) items.push({ to: webhooksPath, label: 'webhooks', testId: 'nav-webhooks' });
  if (can(me, 'audit.read')) items.push({ to: '/app/nhat-ky', label: 'audit', testId: 'nav-audit' });
  items.push(profile);
  return items;
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.to || pathname === `${item.to}/`;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
