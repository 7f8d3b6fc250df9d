import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '../ui/PageLoader';
import { LandingRoute } from '../routes/LandingRoute';
import { RootLayout } from './RootLayout';
import { RouteErrorPage } from './RouteErrorPage';

/** Loads a page module only when its route is visited: citizens on the landing page never download the staff app. */
function page(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: PageLoader,
    children: [
      { index: true, Component: LandingRoute },
      { path: 'kiem-tra', ...page(() => import('../routes/CheckRoute')) },
      { path: 'khieu-nai', ...page(() => import('../routes/AppealRoute')) },
      { path: 'khieu-nai/theo-doi', ...page(() => import('../routes/FollowAppealRoute')) },
      { path: 'to-giac', ...page(() => import('../routes/ReportRoute')) },
      { path: 'to-giac/theo-doi', ...page(() => import('../routes/FollowReportRoute')) },
      { path: 'dang-nhap', ...page(() => import('../routes/SignInRoute')) },
      {
        path: 'app',
        ...page(() => import('./AppLayout')),
        children: [
          { index: true, ...page(() => import('../routes/HomeRoute')) },
          { path: 'co-quan', ...page(() => import('../routes/AgenciesRoute')) },
          { path: 'co-quan/:agencyId', ...page(() => import('../routes/AgencyDetailRoute')) },
          { path: 'nghi-van', ...page(() => import('../routes/IndicatorsRoute')) },
          { path: 'nghi-van/:indicatorId', ...page(() => import('../routes/IndicatorDetailRoute')) },
          { path: 'to-giac', ...page(() => import('../routes/ReportsRoute')) },
          { path: 'to-giac/moi', ...page(() => import('../routes/ReportIntakeRoute')) },
          { path: 'to-giac/:reportId', ...page(() => import('../routes/ReportDetailRoute')) },
          { path: 'vu-viec', ...page(() => import('../routes/CasesRoute')) },
          { path: 'mang-luoi', ...page(() => import('../routes/NetworksRoute')) },
          { path: 'vu-viec/:caseId', ...page(() => import('../routes/CaseDetailRoute')) },
          { path: 'yeu-cau', ...page(() => import('../routes/RequestsRoute')) },
          { path: 'yeu-cau/moi', ...page(() => import('../routes/RequestNewRoute')) },
          { path: 'yeu-cau/:requestId', ...page(() => import('../routes/RequestDetailRoute')) },
          { path: 'thu-hoi', ...page(() => import('../routes/RecoveryRoute')) },
          { path: 'sang-loc', ...page(() => import('../routes/ScreeningReviewsRoute')) },
          { path: 'sang-loc/gan-co', ...page(() => import('../routes/ScreeningFlagsRoute')) },
          { path: 'sang-loc/quyet-dinh', ...page(() => import('../routes/ScreeningDecisionsRoute')) },
          { path: 'sang-loc/bo-quy-tac', ...page(() => import('../routes/ScreeningRuleSetsRoute')) },
          { path: 'webhooks', ...page(() => import('../routes/WebhooksRoute')) },
          { path: 'khieu-nai', ...page(() => import('../routes/AppealsRoute')) },
          { path: 'khieu-nai/:appealId', ...page(() => import('../routes/AppealDetailRoute')) },
          { path: 'danh-sach-chinh-thuc', ...page(() => import('../routes/AllowlistRoute')) },
          { path: 'uy-quyen', ...page(() => import('../routes/DelegationsRoute')) },
          { path: 'nhat-ky', ...page(() => import('../routes/AuditRoute')) },
          { path: 'ho-so', ...page(() => import('../routes/ProfileRoute')) },
          { path: '*', ...page(() => import('../routes/NotFoundRoute')) },
        ],
      },
      { path: '*', ...page(() => import('../routes/NotFoundRoute')) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
