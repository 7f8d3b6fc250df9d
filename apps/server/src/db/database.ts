import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PgliteDialect, SessionMutex } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface SqlResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** The open database: Kysely for the modules, plain SQL for the job queue, and how to close it. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs one SQL text (several statements when there are no values) with exclusive use of a session. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult | SqlResult[]>;
  /**
   * Receives NOTIFY messages on a channel (other processes' changes). Returns how to stop listening. On
   * PostgreSQL this holds one connection of its own and reconnects after a failure.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

// int8 (count(*), bigserial) as numbers on both drivers; values stay far below 2^53.
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
  const pglite = await PGlite.create(dataDir ? path.join(dataDir, 'pglite') : undefined, {
    parsers: { [INT8_OID]: (value: string) => Number(value), [NUMERIC_OID]: (value: string) => value },
  });
  const mutex = new SessionMutex();
  const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite, mutex) });
  return {
    kind: 'pglite',
    db,
    async executeSql(text, values) {
      return mutex.run(async () => {
        if (values && values.length > 0) {
          const result = await pglite.query<Record<string, unknown>>(text, values);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        }
        const results = await pglite.exec(text);
        const mapped = results.map((r) => ({
          rows: r.rows as Record<string, unknown>[],
          rowCount: r.affectedRows ?? r.rows.length,
        }));
        return mapped.length === 1 ? mapped[0]! : mapped;
      });
    },
    async listen(channel, onMessage) {
      // One process owns an embedded database: there is nobody else to hear from, but PGlite supports it.
      const unsubscribe = await pglite.listen(channel, onMessage);
      return async () => unsubscribe();
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // An idle connection can break (server restart, failover, a dropped database): the pool discards it and
  // connects anew for the next query. Without a listener the error would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      const toResult = (r: pg.QueryResult) => ({ rows: r.rows, rowCount: r.rowCount ?? r.rows.length });
      return Array.isArray(result) ? (result as pg.QueryResult[]).map(toResult) : toResult(result);
    },
    async listen(channel, onMessage) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name ${channel}`);
      let client: pg.Client | null = null;
      let stopped = false;
      let retry: NodeJS.Timeout | null = null;
      const connect = async (attempt: number): Promise<void> => {
        if (stopped) return;
        const next = new pg.Client({ connectionString: url });
        next.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
        });
        next.on('error', () => {
          // The connection broke: listen again on a new one, backing off up to 30 s.
          void next.end().catch(() => undefined);
          if (!stopped)
            retry = setTimeout(() => void connect(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
        });
        try {
          await next.connect();
          await next.query(`listen ${channel}`);
          client = next;
        } catch {
          await next.end().catch(() => undefined);
          if (!stopped)
            retry = setTimeout(() => void connect(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
        }
      };
      await connect(0);
      return async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        await client?.end().catch(() => undefined);
      };
    },
    async close() {
      await db.destroy();
      // Kysely takes the pool over only at its first query: end it here when Kysely did not.
      if (!pool.ending) await pool.end();
    },
  };
}

export async function isReachable(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
