import {
  AddCaseReportsRequest,
  AssignReportRequest,
  CaseDetail,
  CaseIdParams,
  CasePage,
  ChangeReportStatusRequest,
  CreateCaseRequest,
  CreateReportRequest,
  CreateStaffReportRequest,
  DeadlinePolicy,
  ExtendReportDeadlineRequest,
  PageQuery,
  Problem,
  PublicReportStatus,
  ReportContact,
  ReportDetail,
  ReportEvidenceParams,
  ReportIdParams,
  ReportListQuery,
  ReportNoteRequest,
  ReportPage,
  ReportReceipt,
  ReportTrackingParams,
  TransferReportRequest,
} from '@khien/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../http/app.js';
import { trackingRateLimit, trackingSecret } from '../../http/public-tracking.js';
import { AppError } from '../../shared/app-error.js';
import { EVIDENCE_LIMITS, type EvidenceUpload } from './evidence.js';
import type { ReportsService } from './reports.service.js';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writes = { ...problems, 409: Problem, 422: Problem };
const uploads = { 413: Problem, 415: Problem };

/**
 * A report arrives as JSON, or as multipart/form-data with its JSON in the `report` field and evidence
 * files in `evidence` fields. The multipart body is read here, before the body's contract is checked;
 * the files are checked by the service (type by content, sizes) before anything is stored.
 */
async function readUpload(request: FastifyRequest, store: WeakMap<FastifyRequest, EvidenceUpload[]>) {
  if (!request.isMultipart()) return;
  const files: EvidenceUpload[] = [];
  let report: unknown = {};
  try {
    for await (const part of request.parts({
      limits: {
        fileSize: EVIDENCE_LIMITS.fileBytes,
        files: EVIDENCE_LIMITS.files,
        fields: 2,
        parts: EVIDENCE_LIMITS.files + 2,
        fieldSize: 64 * 1024,
      },
    })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'evidence') files.push({ fileName: part.filename || 'evidence', bytes });
      } else if (part.fieldname === 'report' && typeof part.value === 'string') {
        try {
          report = JSON.parse(part.value);
        } catch {
          throw new AppError('validation.failed', 'The `report` field is not valid JSON', {
            errors: [{ path: 'body.report', message: 'invalid_json' }],
          });
        }
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('evidence.too_large', 'Each evidence file may be up to 10 MB');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('evidence.too_many', `At most ${EVIDENCE_LIMITS.files} evidence files per report`);
    throw error;
  }
  request.body = report;
  store.set(request, files);
}

export function registerReportsRoutes(
  app: App,
  reports: ReportsService,
  options: { publicReportsPerHour: number; publicFollowPerMinute: number },
) {
  const files = new WeakMap<FastifyRequest, EvidenceUpload[]>();
  const preValidation = async (request: FastifyRequest) => readUpload(request, files);
  const submitLimit =
    options.publicReportsPerHour > 0 ? { max: options.publicReportsPerHour, timeWindow: '1 hour' } : false;
  const followLimit = trackingRateLimit(options.publicFollowPerMinute);

  app.post(
    '/api/public/reports',
    {
      config: { access: 'public', rateLimit: submitLimit },
      // Evidence comes as multipart (its own limits); a JSON report alone is small.
      bodyLimit: 256 * 1024,
      preValidation,
      schema: {
        tags: ['public'],
        summary:
          'Report a scam (tố giác): JSON, or multipart with the JSON in `report` and files in `evidence`; answers a tracking code and a secret',
        body: CreateReportRequest,
        response: { 201: ReportReceipt, ...writes, ...uploads, 429: Problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const receipt = await reports.submit(request.context, request.body, files.get(request) ?? []);
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/api/public/reports/:trackingCode',
    {
      config: { access: 'public', rateLimit: followLimit },
      schema: {
        tags: ['public'],
        summary: 'Follow a report: send its secret in the X-Khien-Secret header',
        params: ReportTrackingParams,
        response: { 200: PublicReportStatus, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request, reply) =>
      reports.publicStatus(request.params.trackingCode, trackingSecret(request, reply)),
  );

  app.get(
    '/api/reports',
    {
      config: { access: 'report.list' },
      schema: {
        tags: ['reports'],
        summary: 'The inbox of reports within the unit’s reach, with the art. 147 deadlines',
        querystring: ReportListQuery,
        response: { 200: ReportPage, ...problems },
      },
    },
    async (request) => reports.list(request.context, request.query),
  );

  app.post(
    '/api/reports',
    {
      config: { access: 'report.intake' },
      bodyLimit: 256 * 1024,
      preValidation,
      schema: {
        tags: ['reports'],
        summary: 'Take a report at the unit: a hotline call, a walk-in, a letter, a bank’s or telco’s notice',
        body: CreateStaffReportRequest,
        response: { 201: ReportDetail, ...writes, ...uploads },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.intake(request.context, request.body, files.get(request) ?? [])),
  );

  app.get(
    '/api/reports/:reportId',
    {
      config: { access: 'report.read' },
      schema: {
        tags: ['reports'],
        summary: 'A report: facts, identifiers, transfers, evidence, timeline, linked reports',
        params: ReportIdParams,
        response: { 200: ReportDetail, ...problems },
      },
    },
    async (request) => reports.get(request.context, request.params.reportId),
  );

  app.get(
    '/api/reports/:reportId/contact',
    {
      config: { access: 'report.contact' },
      schema: {
        tags: ['reports'],
        summary: 'The reporter’s contact details (handling unit only; every read is audited)',
        params: ReportIdParams,
        response: { 200: ReportContact, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reports.contact(request.context, request.params.reportId);
    },
  );

  app.get(
    '/api/reports/:reportId/evidence/:evidenceId',
    {
      config: { access: 'report.read' },
      schema: {
        tags: ['reports'],
        summary: 'An evidence file (audited)',
        params: ReportEvidenceParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await reports.evidenceFile(
        request.context,
        request.params.reportId,
        request.params.evidenceId,
      );
      return reply
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
        .type(file.media_type)
        .send(Buffer.from(file.content));
    },
  );

  const action = <B extends z.ZodType>(
    path: string,
    access: 'report.handle' | 'report.assign',
    summary: string,
    body: B,
    run: (request: FastifyRequest, id: string, body: z.output<B>) => Promise<ReportDetail>,
  ) =>
    app.post(
      `/api/reports/:reportId/${path}`,
      {
        config: { access },
        schema: {
          tags: ['reports'],
          summary,
          params: ReportIdParams,
          body,
          response: { 200: ReportDetail, ...writes },
        },
      },
      async (request) =>
        run(request, (request.params as { reportId: string }).reportId, request.body as z.output<B>),
    );

  action(
    'status',
    'report.handle',
    'Move the report along the status table, with a reason',
    ChangeReportStatusRequest,
    (r, id, b) => reports.changeStatus(r.context, id, b),
  );
  action(
    'assign',
    'report.assign',
    'Assign the report to an officer of the handling unit',
    AssignReportRequest,
    (r, id, b) => reports.assign(r.context, id, b),
  );
  action('notes', 'report.handle', 'Add an internal note to the timeline', ReportNoteRequest, (r, id, b) =>
    reports.note(r.context, id, b.text),
  );
  action(
    'transfer',
    'report.handle',
    'Transfer the report to another police unit, with a reason',
    TransferReportRequest,
    (r, id, b) => reports.transfer(r.context, id, b),
  );
  action(
    'extend',
    'report.handle',
    'Extend the deadline (art. 147(2) complex matter, (3) procuracy)',
    ExtendReportDeadlineRequest,
    (r, id, b) => reports.extend(r.context, id, b),
  );

  app.get(
    '/api/report-deadlines',
    {
      config: { access: 'session' },
      schema: {
        tags: ['reports'],
        summary: 'The deadlines of art. 147 in force',
        response: { 200: DeadlinePolicy, ...problems },
      },
    },
    async (request) => reports.deadlinePolicy(request.context),
  );

  app.put(
    '/api/report-deadlines',
    {
      config: { access: 'report.policy' },
      schema: {
        tags: ['reports'],
        summary: 'Change the deadlines (national administrators)',
        body: DeadlinePolicy,
        response: { 200: DeadlinePolicy, ...problems },
      },
    },
    async (request) => reports.updateDeadlinePolicy(request.context, request.body),
  );

  app.get(
    '/api/cases',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['reports'],
        summary: 'Cases within reach',
        querystring: PageQuery,
        response: { 200: CasePage, ...problems },
      },
    },
    async (request) => reports.listCases(request.context, request.query),
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['reports'],
        summary: 'Group reports into a case',
        body: CreateCaseRequest,
        response: { 201: CaseDetail, ...writes },
      },
    },
    async (request, reply) => reply.status(201).send(await reports.createCase(request.context, request.body)),
  );

  app.get(
    '/api/cases/:caseId',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['reports'],
        summary: 'A case and its reports',
        params: CaseIdParams,
        response: { 200: CaseDetail, ...problems },
      },
    },
    async (request) => reports.getCase(request.context, request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/reports',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['reports'],
        summary: 'Add reports to a case',
        params: CaseIdParams,
        body: AddCaseReportsRequest,
        response: { 200: CaseDetail, ...writes },
      },
    },
    async (request) => reports.addToCase(request.context, request.params.caseId, request.body),
  );
}
