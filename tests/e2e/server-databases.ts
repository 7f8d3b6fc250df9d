import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFreshPostgres, type TestDatabase } from '../../apps/server/src/testing/databases.js';
import { startServer, type RunningServer } from './server-process.js';

/**
 * The built server on each database an end-to-end test should cover: the embedded PGlite in a new data
 * folder always, and PostgreSQL (a fresh database, dropped afterwards) when TEST_DATABASE_URL is set.
 */
export interface ServerDatabase {
  name: 'pglite' | 'postgres';
  /** Why this database is skipped, or null when it runs. */
  skipReason: string | null;
  /** Starts the built server on a fresh database of this kind, with `env` added. */
  start(env: Record<string, string>): Promise<ServerOnDatabase>;
}

export interface ServerOnDatabase {
  server: RunningServer;
  /** Stops the server and removes its database or data folder. */
  dispose(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

export function serverDatabases(): ServerDatabase[] {
  return [
    {
      name: 'pglite',
      skipReason: null,
      async start(env) {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-e2e-'));
        const server = await startServer({ KHIEN_DATA_DIR: dataDir, ...env });
        return {
          server,
          async dispose() {
            await server.stop();
            fs.rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: 'postgres',
      skipReason: postgresUrl ? null : 'TEST_DATABASE_URL is not set: the PostgreSQL run is skipped',
      async start(env) {
        const database: TestDatabase = await openFreshPostgres(postgresUrl!);
        // The server process uses the database; this connection is not needed.
        await database.database.close();
        const server = await startServer({
          DATABASE_URL: database.url!,
          KHIEN_DATA_KEYS: `e2e:${Buffer.alloc(32, 5).toString('base64')}`,
          ...env,
        }).catch(async (error: unknown) => {
          await database.dispose();
          throw error;
        });
        return {
          server,
          async dispose() {
            await server.stop();
            await database.dispose();
          },
        };
      },
    },
  ];
}
