import type { Kysely } from 'kysely';
import { DeliverPolicy, connect, nanos, type NatsConnection } from 'nats';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import {
  REGISTRY_CHANNEL,
  type IndicatorChangeListener,
  type IndicatorsRepository,
  type RegistryChange,
} from '../indicators/index.js';
import type { LookupState } from './lookup-state.js';

export interface ChangeFeedLogger {
  warn(obj: object, msg?: string): void;
}

interface FeedDependencies {
  db: Kysely<DB>;
  repository: IndicatorsRepository;
  state: LookupState;
  origin: string;
  logger: ChangeFeedLogger;
}

/**
 * Applies other processes' registry changes to this process's lookup state: each names a key, and the
 * entry is read again from the database. Changes are applied one after another, in arrival order; this
 * process's own changes reached its state directly and are skipped.
 */
function createChangeApplier(deps: FeedDependencies): (payload: string) => void {
  const { db, repository, state, origin, logger } = deps;
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
  return (payload) => {
    let change: RegistryChange;
    try {
      change = JSON.parse(payload) as RegistryChange;
    } catch {
      logger.warn({}, 'unreadable change announcement ignored');
      return;
    }
    if (change.origin === origin) return;
    queue = queue
      .then(() => apply(change))
      .catch((error: unknown) => logger.warn({ err: error }, 'change not applied'));
  };
}

/**
 * PostgreSQL (and PGlite): the changing transaction sends NOTIFY on commit (indicators repository,
 * `announce`); every process LISTENs.
 */
export async function startNotifyFeed(
  deps: FeedDependencies & { database: Database },
): Promise<() => Promise<void>> {
  return deps.database.listen(REGISTRY_CHANNEL, createChangeApplier(deps));
}

export const natsSubject = (stream: string) => `${stream.toLowerCase()}.changes`;

/**
 * NATS JetStream, for deployments where LISTEN is not available (a transaction-pooling PgBouncer) or where
 * other systems follow the registry's changes: each process publishes its committed changes to a stream
 * and reads everyone's from it with an ordered consumer that starts at the newest message.
 */
export async function startNatsFeed(
  deps: FeedDependencies & { url: string; stream: string },
): Promise<{ listener: IndicatorChangeListener; stop(): Promise<void> }> {
  const stream = deps.stream;
  const subject = natsSubject(stream);
  const nc: NatsConnection = await connect({ servers: deps.url, name: `khien-${deps.origin}` });
  const jsm = await nc.jetstreamManager();
  try {
    await jsm.streams.info(stream);
  } catch {
    // Changes are only useful to running processes: a day of them is plenty.
    await jsm.streams.add({ name: stream, subjects: [subject], max_age: nanos(24 * 3_600_000) });
  }
  const js = nc.jetstream();
  const apply = createChangeApplier(deps);
  // An ordered consumer needs no acknowledgements and starts at the newest message.
  const consumer = await js.consumers.get(stream, { deliver_policy: DeliverPolicy.New });
  const messages = await consumer.consume();
  const reading = (async () => {
    for await (const message of messages) apply(message.string());
  })().catch((error: unknown) => deps.logger.warn({ err: error }, 'NATS change feed stopped'));

  const publish = (change: Omit<RegistryChange, 'origin'>) => {
    js.publish(subject, JSON.stringify({ ...change, origin: deps.origin })).catch((error: unknown) =>
      deps.logger.warn(
        { err: error },
        'change not published to NATS; other processes will see it at their next start',
      ),
    );
  };
  return {
    listener: {
      indicatorChanged: (row) => publish({ type: 'indicator', key: row.key }),
      indicatorMerged: (aliasKey) => publish({ type: 'merge', key: aliasKey }),
      allowlistChanged: (entry, removedKey) =>
        publish({ type: 'allowlist', key: entry?.key ?? removedKey ?? '' }),
    },
    async stop() {
      await messages.close();
      await reading;
      await nc.drain();
    },
  };
}
