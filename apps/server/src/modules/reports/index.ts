export { createReportsRepository, type ReportsRepository } from './reports.repository.js';
export { createReportsService, type ReportsService, type ReporterMessages } from './reports.service.js';
export { registerReportsRoutes } from './reports.routes.js';
export { EVIDENCE_LIMITS } from './evidence.js';
