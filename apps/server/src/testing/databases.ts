import crypto from 'node:crypto';
import pg from 'pg';
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
  return {
    database,
    async dispose() {
      await database.close();
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
