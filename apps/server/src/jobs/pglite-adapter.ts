import { CompiledQuery, type Transaction } from 'kysely';
import type { Database, SqlResult } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** The `db` pg-boss 10 accepts in its constructor and per call (`send(name, data, { db })`). */
export interface PgBossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The adapter pg-boss runs on: pg-boss's `db`, plus what the queue needs to stop cleanly. */
export interface PgBossAdapter extends PgBossDb {
  /** SQL calls started and not yet settled. */
  readonly pending: number;
  /** After this, calls are not run (see executeSql). */
  close(): void;
}

/*
 * pg-boss 10 sends three kinds of SQL text:
 *  - one statement with values (fetch, insert, complete, fail, createQueue, schedule…): run as is;
 *  - one statement without values (getSchedules, countStates, version checks…): run as is;
 *  - several statements without values, wrapped as `BEGIN; SET LOCAL …; SELECT pg_advisory_xact_lock(…);
 *    <commands>; COMMIT;` (schema creation and migration at start, and the maintenance run: expire,
 *    archive, drop). It never sends several statements with values, which PGlite could not run.
 *
 * The third kind is why this adapter exists. Sent as one simple query, an explicit BEGIN whose later
 * statement fails leaves the session in an aborted transaction ("current transaction is aborted") until
 * someone sends ROLLBACK. PGlite has one session for the whole process, so one failed maintenance run
 * would break every later query of the server. (On PostgreSQL, pg's pool.query drops a client whose query
 * failed, so the pool heals at the cost of a reconnection.) Without BEGIN and COMMIT the same text is run
 * by the server as one implicit transaction (the protocol's rule for a multi-statement simple query): it is
 * atomic, SET LOCAL and pg_advisory_xact_lock keep their meaning until its end, and a failure rolls it
 * back by itself. The rewrite is applied on both databases, so pg-boss runs on one code path; it is checked
 * in pglite-adapter.test.ts and queue.db.test.ts.
 */
const EXPLICIT_TRANSACTION = /^\s*BEGIN\s*;([\s\S]*);\s*COMMIT\s*;?\s*$/i;
const STARTS_TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;

/** pg-boss's `BEGIN; …; COMMIT;` text as one implicit transaction; other texts unchanged. */
export function withoutExplicitTransaction(text: string): string {
  const match = EXPLICIT_TRANSACTION.exec(text);
  if (match) return match[1]!;
  if (STARTS_TRANSACTION.test(text)) {
    // Refuse rather than risk leaving the single PGlite session inside an aborted transaction.
    throw new Error(
      `The job queue adapter does not recognise this transaction text from pg-boss: ${firstLine(text)}`,
    );
  }
  return text;
}

/**
 * pg-boss's database on top of the server's: the same sessions (PGlite's mutex, or the pg pool) for the
 * job queue and the modules, on both kinds of database. `database.executeSql` already has the shape
 * pg-boss needs except for several statements, where it answers an array: pg-boss never reads those
 * results, the last one is returned.
 */
export function createPgBossAdapter(
  database: Database,
  onCallAfterClose: (text: string) => void,
): PgBossAdapter {
  let pending = 0;
  let closed = false;
  return {
    get pending() {
      return pending;
    },
    close() {
      closed = true;
    },
    async executeSql(text, values) {
      if (closed) {
        // pg-boss completes and fails jobs without awaiting the call; one can arrive after stop() gave up
        // waiting for a handler that outlived the stop timeout. Resolving to nothing is what pg-boss's own
        // Db does once closed, and pg-boss copes with it; a rejection here would be an unhandled one.
        onCallAfterClose(text);
        return undefined as never;
      }
      pending += 1;
      try {
        const hasValues = values !== undefined && values.length > 0;
        const result = await database.executeSql(hasValues ? text : withoutExplicitTransaction(text), values);
        return lastResult(result);
      } finally {
        pending -= 1;
      }
    },
  };
}

/**
 * pg-boss's database for one call inside the caller's Kysely transaction (the outbox: the job row commits
 * or rolls back with the change). On PGlite the transaction already holds the single session and its
 * mutex, so this must go through the transaction's own connection: `database.executeSql` would wait for
 * the mutex the transaction holds, for ever.
 */
export function transactionDb(trx: Transaction<DB>): PgBossDb {
  if (!trx.isTransaction) throw new Error('sendInTransaction needs a Kysely transaction, not the database');
  return {
    async executeSql(text, values) {
      const result = await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}

function lastResult(result: SqlResult | SqlResult[]): SqlResult {
  if (!Array.isArray(result)) return result;
  return result[result.length - 1] ?? { rows: [], rowCount: 0 };
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean)
      ?.slice(0, 120) ?? ''
  );
}
