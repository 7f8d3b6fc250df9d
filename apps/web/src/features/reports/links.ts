import { apiPath } from '../../api/client';
import { casesPath, registryPath, reportsPath } from '../../app/navigation';

export const reportIntakePath = `${reportsPath}/moi`;

export function reportPath(reportId: string): string {
  return `${reportsPath}/${reportId}`;
}

export function casePath(caseId: string): string {
  return `${casesPath}/${caseId}`;
}

/** The registry entry of an identifier the report names. */
export function indicatorPath(indicatorId: string): string {
  return `${registryPath}/${indicatorId}`;
}

/** The file itself: same origin, so the session cookie goes with the download. */
export function evidenceHref(reportId: string, evidenceId: string): string {
  return apiPath('/api/reports/:reportId/evidence/:evidenceId', { reportId, evidenceId });
}
