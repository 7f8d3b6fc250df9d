import { AuditPage, AuditQuery, AuditVerification, Problem } from '@khien/contracts';
import type { App } from '../../http/app.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: App, audit: AuditService) {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: "Audit entries of your agency (the platform operator's auditors see all)",
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => audit.list(request.context, request.query),
  );
  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the audit log',
        response: { 200: AuditVerification, 401: Problem, 403: Problem },
      },
    },
    async (request) => audit.verify(request.context),
  );
}
