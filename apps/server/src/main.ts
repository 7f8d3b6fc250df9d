import { ConfigError, loadConfig } from './config.js';
import { DataDirectoryInUseError } from './db/data-lock.js';
import { DataKeyError } from './shared/data-cipher.js';
import { createPlatform } from './platform.js';

const startedAt = performance.now();

async function main() {
  const config = loadConfig();
  const platform = await createPlatform(config);
  const { app, logger } = platform;
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (platform.initialAdminPassword) {
    // Printed once, to the console only (not the log): the administrator changes it at first sign-in.
    process.stdout.write(
      [
        '',
        '┌──────────────────────────────────────────────────────────────┐',
        '│ Khiên: tài khoản quản trị đầu tiên / first administrator     │',
        `│   username: admin                                            │`,
        `│   one-time password: ${platform.initialAdminPassword.padEnd(40)}│`,
        '│ Đổi mật khẩu và bật xác thực hai lớp khi đăng nhập lần đầu.  │',
        '└──────────────────────────────────────────────────────────────┘',
        '',
      ].join('\n'),
    );
  }
  logger.info(
    {
      url: `http://localhost:${port}`,
      database: platform.database.kind,
      startupMs: Math.round(performance.now() - startedAt),
    },
    'Khiên is ready',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof DataKeyError
  ) {
    process.stderr.write(`Khiên cannot start: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Khiên failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
