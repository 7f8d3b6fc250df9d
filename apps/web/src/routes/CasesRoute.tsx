import { CaseListPage } from '../features/reports/CaseListPage';

/** Cases (vụ việc): reports grouped by the officers. */
export default function CasesRoute() {
  return <CaseListPage />;
}
