import type { ImportEntry, ImportLine } from '@khien/core';
import { identify, type AnyIdentifier } from '@khien/core';
import type { ScamMethod } from '@khien/contracts';
import { ScamMethod as ScamMethodSchema } from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { RequestContext } from '../../shared/context.js';
import type { AuditRecorder } from '../audit/index.js';
import type { IndicatorRow, IndicatorsRepository } from './indicators.repository.js';
import type { IndicatorsService } from './indicators.service.js';

export interface ImportOptions {
  /** Where the list came from, kept as every entry's provenance (e.g. `chongluadao-2022-10.txt`). */
  sourceName: string;
  sharing: 'public' | 'agencies' | 'police';
  dryRun: boolean;
  /** Called after every batch with the running totals. */
  onProgress?: (summary: ImportSummary) => void;
  batchSize?: number;
}

export interface ImportSummary {
  lines: number;
  accepted: number;
  created: number;
  updated: number;
  skippedOfficial: number;
  duplicates: number;
  invalid: number;
  /** The first problems, by line, to show the person importing. */
  problems: Array<{ line: number; code: string; message: string }>;
  dryRun: boolean;
}

const MAX_PROBLEMS = 100;

export function createImportService(deps: {
  db: Kysely<DB>;
  repository: IndicatorsRepository;
  indicators: IndicatorsService;
  audit: AuditRecorder;
}) {
  const { db, repository, indicators, audit } = deps;

  return {
    /**
     * Imports a list into the registry with provenance, in batches of one transaction each, so that a
     * failure keeps what was already accepted. A dry run parses and classifies every line and writes nothing.
     */
    async importLines(
      context: RequestContext,
      lines: AsyncIterable<ImportLine> | Iterable<ImportLine>,
      options: ImportOptions,
    ): Promise<ImportSummary> {
      const summary: ImportSummary = {
        lines: 0,
        accepted: 0,
        created: 0,
        updated: 0,
        skippedOfficial: 0,
        duplicates: 0,
        invalid: 0,
        problems: [],
        dryRun: options.dryRun,
      };
      const problem = (line: number, code: string, message: string) => {
        summary.invalid++;
        if (summary.problems.length < MAX_PROBLEMS) summary.problems.push({ line, code, message });
      };
      const seen = new Set<string>();
      let batch: Array<{ entry: ImportEntry; identifier: AnyIdentifier }> = [];
      const changed: IndicatorRow[] = [];

      const flush = async () => {
        if (batch.length === 0) return;
        const current = batch;
        batch = [];
        if (!options.dryRun) {
          await db.transaction().execute(async (trx) => {
            const added = await indicators.addSources(
              trx,
              current.map(({ entry, identifier }) => {
                const method = ScamMethodSchema.safeParse(entry.scamMethod);
                return {
                  identifier,
                  source: {
                    type: 'import' as const,
                    ref: `${options.sourceName}#${entry.line}`,
                    agencyId: context.actor?.agency.id ?? null,
                    reporterHash: null,
                    scamMethod: method.success ? (method.data as ScamMethod) : null,
                    lossVnd: null,
                    evidenceUrl:
                      entry.evidenceUrl && /^https?:\/\//.test(entry.evidenceUrl) ? entry.evidenceUrl : null,
                    note: entry.note ?? null,
                    createdBy: context.actor?.kind === 'user' ? context.actor.userId : null,
                    sharing: options.sharing,
                  },
                };
              }),
            );
            for (const { row, created } of added) {
              if (created) summary.created++;
              else summary.updated++;
              changed.push(row);
            }
          });
          for (const row of changed.splice(0)) indicators.notify(row);
        } else {
          for (const { identifier } of current) {
            if (await repository.byKey(db, identifier.key)) summary.updated++;
            else summary.created++;
          }
        }
        options.onProgress?.({ ...summary });
      };

      for await (const line of lines) {
        if (!line) continue;
        summary.lines++;
        if (!line.ok) {
          problem(line.line, line.code, line.message);
          continue;
        }
        const parsed = identify(line.entry.input, line.entry.kind as AnyIdentifier['kind'] | undefined);
        if (!parsed.ok) {
          problem(line.entry.line, parsed.code, parsed.message);
          continue;
        }
        if (seen.has(parsed.value.key)) {
          summary.duplicates++;
          continue;
        }
        seen.add(parsed.value.key);
        if (await repository.allowlistByKey(db, parsed.value.key)) {
          summary.skippedOfficial++;
          continue;
        }
        summary.accepted++;
        batch.push({ entry: line.entry, identifier: parsed.value });
        if (batch.length >= (options.batchSize ?? 500)) await flush();
      }
      await flush();
      if (!options.dryRun) {
        await db.transaction().execute((trx) =>
          audit.record(trx, context, {
            action: 'indicator.import',
            targetType: 'import',
            targetId: options.sourceName,
            details: { ...summary, problems: summary.problems.length },
          }),
        );
      }
      return summary;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
