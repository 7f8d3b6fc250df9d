import crypto from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';

/**
 * The databases a `*.db.test.ts` suite runs on: PGlite in memory always, and a fresh PostgreSQL database
 * when TEST_DATABASE_URL is set (created for the suite and dropped after it).
 */
export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  /** Why this target is skipped, or null when it runs. */
  skipReason: string | null;
  open(): Promise<TestDatabase>;
}

export interface TestDatabase {
  database: Database;
  /** The connection URL, for PostgreSQL databases (to start a server process on it). */
  url?: string;
  /** Closes the connection and removes the database. */
  dispose(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

export function databaseTargets(): TestDatabaseTarget[] {
  return [
    {
      name: 'pglite',
      skipReason: null,
      async open() {
        const database = await openDatabase({ kind: 'pglite', dataDir: null });
        return { database, dispose: () => database.close() };
      },
    },
    {
      name: 'postgres',
      skipReason: postgresUrl ? null : 'TEST_DATABASE_URL is not set: PostgreSQL tests skipped',
      open: () => openFreshPostgres(postgresUrl!),
    },
  ];
}

export async function openFreshPostgres(url: string): Promise<TestDatabase> {
  const name = `khien_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: target.toString() });
  let closed = false;
  return {
    database,
    url: target.toString(),
    async dispose() {
      if (!closed) await database.close().catch(() => undefined);
      closed = true;
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Prints why a target is skipped, once, so that a green run says what it did not cover. */
export function announceSkip(target: TestDatabaseTarget): void {
  if (target.skipReason) console.log(`[${target.name}] ${target.skipReason}`);
}

export interface SuiteDatabaseTarget {
  name: TestDatabaseTarget['name'];
  skipReason: string | null;
  /** A new, empty database (migrations not applied), closed and removed at cleanup. */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

/** One describe block per target, named `<title> [pglite]` and `<title> [postgres]`, skipped with a reason. */
export function forEachDatabase(title: string, suite: (target: SuiteDatabaseTarget) => void): void {
  for (const target of databaseTargets()) {
    describe.skipIf(target.skipReason !== null)(`${title} [${target.name}]`, () => {
      if (target.skipReason !== null)
        console.log(`Skipping "${title}" on ${target.name}: ${target.skipReason}`);
      const opened: TestDatabase[] = [];
      suite({
        name: target.name,
        skipReason: target.skipReason,
        async open() {
          const testDatabase = await target.open();
          opened.push(testDatabase);
          return testDatabase.database;
        },
        async cleanup() {
          for (const testDatabase of opened.splice(0)) await testDatabase.dispose();
        },
      });
    });
  }
}
