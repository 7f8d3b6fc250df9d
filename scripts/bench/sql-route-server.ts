// Child process of bench-lookup: the public check answered from SQL instead of the in-memory index, over
// the same HTTP stack (the server's buildHttpApp: Fastify with its plugins and hooks, zod schemas), so
// that "index vs SQL" compares two HTTP routes that differ only in where the registry is read. The route
// parses the text as the real one does, reads the registry rows of all its keys with one query on the
// server's database layer, and words the answer with the real lookup service (judgeIdentifier); the
// allowlist stays in memory as in the server. It exists only here: the server has no such route.
import { CheckQuery, CheckResponse, Problem, type ScamMethod } from '@khien/contracts';
import { extractIdentifiers, type AnyIdentifier } from '@khien/core';
import pino from 'pino';
import { configFor } from '../../apps/server/src/config.js';
import { buildHttpApp } from '../../apps/server/src/http/app.js';
import { createMetrics } from '../../apps/server/src/http/metrics.js';
import { createIndicatorsRepository } from '../../apps/server/src/modules/indicators/index.js';
import {
  CheckCounter,
  createLookupService,
  type IndexEntry,
  type IndicatorIndex,
} from '../../apps/server/src/modules/lookup/index.js';
import { hitOf } from '../../apps/server/src/modules/lookup/indicator-index.js';
import { overallVerdict } from '../../apps/server/src/modules/lookup/verdict-text.js';
import type { DatabaseTarget } from './server-process.js';
import { openBenchDatabase, runBenchServer, serveUntilStopped } from './bench-server.js';

export interface SqlRouteInput {
  database: DatabaseTarget;
  port: number;
}

/** As lookup.service.ts: a link is also judged by its site. */
function keysOf(identifier: AnyIdentifier): string[] {
  if (identifier.kind === 'url') return [identifier.key, `domain:${identifier.details.registrableDomain}`];
  return [identifier.key];
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as SqlRouteInput;
  const opened = await openBenchDatabase(input.database);
  const database = opened.database;
  const db = database.db;
  const allowlist = new Map(
    (await createIndicatorsRepository().allowlistAll(db)).map((row) => [
      row.key,
      { organisation: row.organisation, category: row.category },
    ]),
  );
  // judge() reads the index synchronously: each request fills this with its rows first.
  let rows = new Map<string, IndexEntry>();
  const index = {
    lookup: (key: string) => {
      const entry = rows.get(key);
      return entry === undefined ? undefined : hitOf(entry);
    },
  } as unknown as IndicatorIndex;
  const lookup = createLookupService({
    index,
    allowlist,
    counter: new CheckCounter(),
    clock: { now: () => new Date(), nowMs: () => Date.now() },
  });

  const logger = pino({ level: 'warn', base: { service: 'khien-bench-sql' } });
  const app = await buildHttpApp({
    config: configFor({ host: '127.0.0.1', port: input.port }),
    logger,
    metrics: createMetrics(),
    authenticate: async () => null,
    sessionCookieName: 'khien_session',
  });
  app.get(
    '/api/public/check',
    {
      config: { access: 'public' },
      schema: { querystring: CheckQuery, response: { 200: CheckResponse, 400: Problem } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { identifiers, problems } = extractIdentifiers(request.query.q);
      const keys = identifiers.flatMap(keysOf);
      const found =
        keys.length === 0
          ? []
          : await db
              .selectFrom('indicators')
              .select([
                'key',
                'status',
                'sharing',
                'confidence',
                'report_count',
                'scam_methods',
                'last_seen_at',
              ])
              .where('key', 'in', keys)
              .where('merged_into_id', 'is', null)
              .execute();
      rows = new Map(
        found.map((row) => [
          row.key,
          {
            status: row.status,
            sharing: row.sharing,
            confidence: row.confidence,
            reportCount: row.report_count,
            methods: row.scam_methods as ScamMethod[],
            lastSeen: row.last_seen_at ? new Date(row.last_seen_at) : null,
          },
        ]),
      );
      const items = identifiers.map((identifier) => lookup.judgeIdentifier(identifier));
      return { verdict: overallVerdict(items.map((item) => item.verdict)), items, problems };
    },
  );
  await serveUntilStopped(app, input.port, opened);
}

runBenchServer(main);
