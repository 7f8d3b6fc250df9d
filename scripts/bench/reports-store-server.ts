// Child process of bench-reports: the baseline for report intake. The same upload, over the same HTTP stack
// (the server's buildHttpApp: Fastify with its plugins and hooks, the multipart plugin, zod schemas), on the
// same database layer, doing the least an honest intake must do:
//   - read the multipart parts as the real route does (same limits, each file into memory);
//   - check the `report` JSON against the same contract (CreateReportRequest);
//   - check each file as the real service does (checkEvidence: type by content, sizes, SHA-256);
//   - store the report JSON and the files with one INSERT into one table (a row per file, one statement, so
//     one commit),
//     and only then answer 201 with a receipt (a tracking code and a secret).
// What it leaves out is what Khiên's intake adds: parsing the identifiers, routing, the registry entries and
// their sources, transfers, the timeline, the audit chain, the outbox. It exists only here.
import crypto from 'node:crypto';
import { CreateReportRequest, Problem, ReportReceipt } from '@khien/contracts';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { configFor } from '../../apps/server/src/config.js';
import { buildHttpApp } from '../../apps/server/src/http/app.js';
import { createMetrics } from '../../apps/server/src/http/metrics.js';
import {
  checkEvidence,
  EVIDENCE_LIMITS,
  type EvidenceUpload,
} from '../../apps/server/src/modules/reports/evidence.js';
import { newId } from '../../apps/server/src/shared/ids.js';
import { STORE_TABLE } from './reports-data.js';
import type { DatabaseTarget } from './server-process.js';
import { openBenchDatabase, runBenchServer, serveUntilStopped } from './bench-server.js';

export interface StoreServerInput {
  database: DatabaseTarget;
  port: number;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const readable = (length: number) =>
  Array.from(crypto.randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join('');

/** As reports.routes.ts reads an upload: the JSON of the `report` field, the `evidence` files. */
async function readUpload(request: FastifyRequest, files: WeakMap<FastifyRequest, EvidenceUpload[]>) {
  if (!request.isMultipart()) return;
  const uploads: EvidenceUpload[] = [];
  let report: unknown = {};
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
      if (part.fieldname === 'evidence') uploads.push({ fileName: part.filename || 'evidence', bytes });
    } else if (part.fieldname === 'report' && typeof part.value === 'string') {
      report = JSON.parse(part.value);
    }
  }
  request.body = report;
  files.set(request, uploads);
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as StoreServerInput;
  const opened = await openBenchDatabase(input.database);
  const database = opened.database;
  const db = database.db;
  await sql`
    create table if not exists ${sql.table(STORE_TABLE)} (
      id uuid primary key,
      tracking_code text not null,
      secret_hash text not null,
      report jsonb,
      file_name text,
      media_type text,
      sha256 text,
      content bytea,
      received_at timestamptz not null
    )`.execute(db);

  const app = await buildHttpApp({
    config: configFor({ host: '127.0.0.1', port: input.port }),
    logger: pino({ level: 'warn', base: { service: 'khien-bench-store' } }),
    metrics: createMetrics(),
    authenticate: async () => null,
    sessionCookieName: 'khien_session',
  });
  const files = new WeakMap<FastifyRequest, EvidenceUpload[]>();
  app.post(
    '/api/public/reports',
    {
      config: { access: 'public' },
      bodyLimit: 256 * 1024,
      preValidation: async (request) => readUpload(request, files),
      schema: {
        body: CreateReportRequest,
        response: { 201: ReportReceipt, 400: Problem, 413: Problem, 415: Problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const evidence = await checkEvidence(files.get(request) ?? []);
      const trackingCode = `TG-${readable(8)}`;
      const secret = readable(16).replace(/(.{4})(?=.)/g, '$1-');
      const now = new Date();
      const secretHash = crypto.createHash('sha256').update(secret).digest('hex');
      // One row per file (the report's JSON on the first), or one row without a file.
      const rows = (evidence.length > 0 ? evidence : [null]).map(
        (file, k) =>
          sql`(${newId()}, ${trackingCode}, ${secretHash}, ${k === 0 ? JSON.stringify(request.body) : null},
            ${file?.fileName ?? null}, ${file?.mediaType ?? null}, ${file?.sha256 ?? null}, ${file?.bytes ?? null},
            ${now})`,
      );
      await sql`
        insert into ${sql.table(STORE_TABLE)}
          (id, tracking_code, secret_hash, report, file_name, media_type, sha256, content, received_at)
        values ${sql.join(rows)}`.execute(db);
      return reply.status(201).send({
        trackingCode,
        secret,
        receivedAt: now.toISOString(),
        handlingUnit: null,
        evidenceCount: evidence.length,
      });
    },
  );
  await serveUntilStopped(app, input.port, opened);
}

runBenchServer(main);
