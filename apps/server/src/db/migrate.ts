import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const NAME = /^\d{14}_[a-z0-9_]+\.sql$/;

/** The migrations shipped beside this file (src/db/migrations, or dist/migrations in the build). */
export function migrationsDirectory(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

export function loadMigrations(directory = migrationsDirectory()): Migration[] {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      if (!NAME.test(file))
        throw new Error(`Migration file name ${file} must look like 20261125120000_name.sql`);
      const sql = fs.readFileSync(`${directory}/${file}`, 'utf8');
      return { name: file, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

async function ensureTable(database: Database) {
  await database.executeSql(
    `create table if not exists schema_migrations (
       name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
  );
}

export async function appliedMigrations(database: Database): Promise<Map<string, string>> {
  await ensureTable(database);
  const rows = await database.db.selectFrom('schema_migrations').select(['name', 'checksum']).execute();
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

export interface MigrationStatus {
  applied: number;
  pending: number;
}

export async function migrationStatus(
  database: Database,
  migrations = loadMigrations(),
): Promise<MigrationStatus> {
  const applied = await appliedMigrations(database);
  const pending = migrations.filter((m) => !applied.has(m.name)).length;
  return { applied: migrations.length - pending, pending };
}

/**
 * Applies pending migrations in order, forward only, each in one transaction. Several processes may start
 * at once on PostgreSQL: an advisory lock serialises them and the primary key on schema_migrations makes a
 * migration applied by another process fail here harmlessly, after which the list is read again.
 */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<string[]> {
  const done: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const applied = await appliedMigrations(database);
    for (const m of migrations) {
      const known = applied.get(m.name);
      if (known && known !== m.checksum) {
        throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead`);
      }
    }
    const pending = migrations.filter((m) => !applied.has(m.name));
    if (pending.length === 0) return done;
    try {
      for (const m of pending) {
        await database.executeSql(
          `begin;
           select pg_advisory_xact_lock(727274);
           insert into schema_migrations (name, checksum) values ('${m.name}', '${m.checksum}');
           ${m.sql}
           ;
           commit;`,
        );
        done.push(m.name);
      }
      return done;
    } catch (error) {
      await database.executeSql('rollback').catch(() => undefined);
      const again = await appliedMigrations(database);
      if (pending.every((m) => again.has(m.name))) return done;
      if (attempt === 2) throw error;
    }
  }
  return done;
}
