import { ConfigError, loadConfig } from './config.js';
import { DataDirectoryInUseError, lockDataDirectory } from './db/data-lock.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createAuditRepository, createAuditService } from './modules/audit/index.js';
import { systemClock } from './shared/clock.js';

const USAGE = `usage: khien <command>
  audit-verify   verify the hash chain of the audit log; exit 0 when intact, 1 at the first broken link
  migrate        apply pending database migrations and exit`;

async function run(command: string | undefined): Promise<number> {
  if (command !== 'audit-verify' && command !== 'migrate') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const unlock = config.databaseUrl ? null : lockDataDirectory(config.dataDir);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    await migrate(database);
    if (command === 'migrate') {
      process.stdout.write('migrations applied\n');
      return 0;
    }
    const audit = createAuditService({
      db: database.db,
      repository: createAuditRepository(),
      clock: systemClock,
    });
    const result = await audit.verify(null);
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.checked} entries verified\n`);
      return 0;
    }
    process.stdout.write(
      `audit chain BROKEN at entry ${result.firstBrokenSeq}: ${result.problem} (${result.checked} entries before it are intact)\n`,
    );
    return 1;
  } finally {
    await database.close();
    unlock?.();
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
