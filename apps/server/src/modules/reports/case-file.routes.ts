import { CaseFileQuery, CaseIdParams } from '@khien/contracts';
import type { App } from '../../http/app.js';
import type { CaseFileService } from './case-file.service.js';

/**
 * A header-safe file name: the Vietnamese name without diacritics (đ as d), with anything outside
 * letters, digits, dots, dashes and underscores as `-`, for clients that do not read `filename*`.
 */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `attachment` with an ASCII `filename` and the real (UTF-8) name in `filename*` (RFC 6266, RFC 8187). */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}

export function registerCaseFileRoutes(app: App, caseFiles: CaseFileService) {
  app.get(
    '/api/cases/:caseId/export',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['reports'],
        summary:
          'The case file (hồ sơ vụ việc) for the procuracy, PDF or DOCX in Vietnamese, with the evidence list and hashes (audited)',
        params: CaseIdParams,
        querystring: CaseFileQuery,
        produces: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ],
      },
    },
    async (request, reply) => {
      const file = await caseFiles.export(request.context, request.params.caseId, request.query.format);
      return reply
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', attachmentDisposition(file.fileName))
        .type(file.mediaType)
        .send(file.bytes);
    },
  );
}
