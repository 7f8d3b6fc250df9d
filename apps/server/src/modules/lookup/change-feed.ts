import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { REGISTRY_CHANNEL, type IndicatorsRepository, type RegistryChange } from '../indicators/index.js';
import type { LookupState } from './lookup-state.js';

export interface ChangeFeedLogger {
  warn(obj: object, msg?: string): void;
}

/**
 * Keeps this process's lookup state current with changes made by other server processes: they announce
 * each change with NOTIFY when it commits; this process reloads the entry by key. Its own changes reach
 * its state directly and are skipped here.
 */
export async function startChangeFeed(deps: {
  database: Database;
  db: Kysely<DB>;
  repository: IndicatorsRepository;
  state: LookupState;
  origin: string;
  logger: ChangeFeedLogger;
}): Promise<() => Promise<void>> {
  const { db, repository, state, origin, logger } = deps;
  // Messages are applied one after another, in the order they arrived.
  let queue: Promise<void> = Promise.resolve();
  const apply = async (change: RegistryChange) => {
    if (change.type === 'merge') {
      const alias = await repository.byKey(db, change.key);
      const target = alias?.merged_into_id ? await repository.byId(db, alias.merged_into_id) : undefined;
      if (alias && target) state.listener.indicatorMerged(alias.key, target);
    } else if (change.type === 'indicator') {
      const row = await repository.byKey(db, change.key);
      if (row) state.listener.indicatorChanged(row);
      else state.index.delete(change.key);
    } else {
      const row = await repository.allowlistByKey(db, change.key);
      state.listener.allowlistChanged(row ?? null, row ? undefined : change.key);
    }
  };
  return deps.database.listen(REGISTRY_CHANNEL, (payload) => {
    let change: RegistryChange;
    try {
      change = JSON.parse(payload) as RegistryChange;
    } catch {
      logger.warn({ channel: REGISTRY_CHANNEL }, 'unreadable change announcement ignored');
      return;
    }
    if (change.origin === origin) return;
    queue = queue
      .then(() => apply(change))
      .catch((error: unknown) => logger.warn({ err: error }, 'change not applied'));
  });
}
