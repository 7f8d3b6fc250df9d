import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { IndicatorChangeListener, IndicatorRow, IndicatorsRepository } from '../indicators/index.js';
import type { ScamMethod } from '@khien/contracts';
import { IndicatorIndex, type IndexEntry } from './indicator-index.js';
import type { OfficialEntry } from './lookup.service.js';

/**
 * The in-memory state the public check answers from: the registry index and the allowlist, built from the
 * database at start and kept current by change notifications.
 */
export function createLookupState() {
  const index = new IndicatorIndex();
  const allowlist = new Map<string, OfficialEntry>();

  const entryOf = (
    row: Pick<
      IndicatorRow,
      'status' | 'sharing' | 'confidence' | 'report_count' | 'scam_methods' | 'last_seen_at'
    >,
  ): IndexEntry => ({
    status: row.status,
    sharing: row.sharing,
    confidence: row.confidence,
    reportCount: row.report_count,
    methods: row.scam_methods as ScamMethod[],
    lastSeen: row.last_seen_at ? new Date(row.last_seen_at) : null,
  });

  const listener: IndicatorChangeListener = {
    indicatorChanged(row) {
      if (row.merged_into_id) index.delete(row.key);
      else index.set(row.key, entryOf(row));
    },
    allowlistChanged(entry, removedKey) {
      if (entry) allowlist.set(entry.key, { organisation: entry.organisation, category: entry.category });
      if (removedKey) allowlist.delete(removedKey);
    },
  };

  return {
    index,
    allowlist,
    listener,
    /** Loads everything from the database (start-up). */
    async load(
      db: Kysely<DB>,
      repository: IndicatorsRepository,
    ): Promise<{ indicators: number; official: number; ms: number }> {
      const started = performance.now();
      const entries: Array<[string, IndexEntry]> = [];
      for await (const rows of repository.indexRows(db))
        for (const row of rows) entries.push([row.key, entryOf(row)]);
      index.build(entries);
      allowlist.clear();
      for (const row of await repository.allowlistAll(db))
        allowlist.set(row.key, { organisation: row.organisation, category: row.category });
      return {
        indicators: entries.length,
        official: allowlist.size,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}

export type LookupState = ReturnType<typeof createLookupState>;
