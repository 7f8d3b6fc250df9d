import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { IndicatorChangeListener, IndicatorRow, IndicatorsRepository } from '../indicators/index.js';
import type { ScamMethod } from '@khien/contracts';
import { hashIdOf, IndicatorIndex, type IndexEntry } from './indicator-index.js';
import type { OfficialEntry } from './lookup.service.js';

/**
 * The in-memory state the public check answers from: the registry index and the allowlist, built from the
 * database at start and kept current by change notifications.
 */
export function createLookupState() {
  const index = new IndicatorIndex();
  const allowlist = new Map<string, OfficialEntry>();
  /** Keys merged into another entry, by that entry's key: they answer with its status. */
  const aliases = new Map<string, Set<string>>();

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
      if (row.merged_into_id) return;
      const entry = entryOf(row);
      index.set(row.key, entry);
      for (const alias of aliases.get(row.key) ?? []) index.set(alias, entry);
    },
    indicatorMerged(aliasKey, target) {
      // The alias's own aliases now follow the target too.
      const moved = aliases.get(aliasKey) ?? new Set<string>();
      aliases.delete(aliasKey);
      const set = aliases.get(target.key) ?? new Set<string>();
      for (const key of [aliasKey, ...moved]) set.add(key);
      aliases.set(target.key, set);
      const entry = entryOf(target);
      for (const key of set) index.set(key, entry);
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
      // The few merged pairs first, so that the targets' entries can be picked up while reading, without
      // a second copy of a million entries keyed for lookup.
      aliases.clear();
      const pairs = await repository.mergedPairs(db);
      for (const { alias, target } of pairs) {
        const set = aliases.get(target) ?? new Set<string>();
        set.add(alias);
        aliases.set(target, set);
      }
      // Entry by entry into the index's columns: a million rows leave no million objects behind (an old
      // generation full of them made every later young-generation collection slow).
      const builder = index.builder();
      const read = async (each: (key: string, entry: IndexEntry) => void) => {
        for await (const rows of repository.indexRows(db)) {
          for (const row of rows) {
            const entry = entryOf(row);
            each(row.key, entry);
            for (const alias of aliases.get(row.key) ?? []) each(alias, entry);
          }
        }
      };
      await read((key, entry) => builder.add(key, entry));
      const collisions = builder.collisions();
      // Two keys with one hash (about 1 in 3·10⁷ loads at a million entries): read again for their keys.
      const collided: Array<[string, IndexEntry]> = [];
      if (collisions.size > 0) {
        await read((key, entry) => {
          if (collisions.has(hashIdOf(key))) collided.push([key, entry]);
        });
      }
      const indicators = builder.size;
      builder.finish(collided);
      allowlist.clear();
      for (const row of await repository.allowlistAll(db))
        allowlist.set(row.key, { organisation: row.organisation, category: row.category });
      return {
        indicators,
        official: allowlist.size,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}

export type LookupState = ReturnType<typeof createLookupState>;
