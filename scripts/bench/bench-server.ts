// What the bench-only server processes (sql-route-server.ts, reports-store-server.ts) share: opening the
// benchmark's database as the real server would, serving until the parent stops them, and telling the
// parent about a failure.
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../../apps/server/src/db/database.js';
import { lockDataDirectory } from '../../apps/server/src/db/data-lock.js';
import type { DatabaseTarget } from './server-process.js';

export interface BenchDatabase {
  database: Database;
  /** Releases the PGlite data-folder lock (nothing on PostgreSQL). */
  unlock: () => void;
}

export async function openBenchDatabase(target: DatabaseTarget): Promise<BenchDatabase> {
  if (target.kind === 'pglite') {
    const unlock = lockDataDirectory(target.dataDir);
    return { database: await openDatabase({ kind: 'pglite', dataDir: target.dataDir }), unlock };
  }
  return { database: await openDatabase({ kind: 'postgres', url: target.url }), unlock: () => undefined };
}

/** Listens on 127.0.0.1, says it is ready, and closes everything when the parent stops or leaves. */
export async function serveUntilStopped(app: FastifyInstance, port: number, opened: BenchDatabase) {
  await app.listen({ host: '127.0.0.1', port });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await opened.database.close();
    opened.unlock();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
  process.send?.({ ready: true });
}

/** Runs the process's main function; a failure goes to the parent, with its stack. */
export function runBenchServer(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
}
