import path from 'node:path';
import { z } from 'zod';

const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  KHIEN_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  KHIEN_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  KHIEN_SESSION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  KHIEN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  KHIEN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  KHIEN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Who must use a TOTP second factor: `admin` (anyone with the admin role), `police` (staff of police agencies), `all`, or empty. */
  KHIEN_TOTP_REQUIRED: list.pipe(z.array(z.enum(['admin', 'police', 'all']))).default(['admin', 'police']),
  KHIEN_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KHIEN_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  /** Requests per minute per client address on sign-in, password and TOTP routes. */
  KHIEN_AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Trust X-Forwarded-* headers: only behind a reverse proxy that overwrites them (`true`, or a list of proxy addresses). */
  KHIEN_TRUST_PROXY: z.string().default('false'),
  /** Public checks per minute per client address; 0 turns the limit off. */
  KHIEN_PUBLIC_CHECK_RATE: z.coerce.number().int().min(0).max(1_000_000).default(60),
  /** Keys for personal data at rest: `id:base64,…` (first encrypts). Embedded database: a key file is created in the data folder. */
  KHIEN_DATA_KEYS: z.string().optional(),
  /** Days the police have to decide an appeal against a listing. */
  KHIEN_APPEAL_DAYS: z.coerce.number().int().min(1).max(90).default(15),
  /** Reports (tố giác) per hour per client address from the public form; 0 turns the limit off. */
  KHIEN_PUBLIC_REPORT_RATE: z.coerce.number().int().min(0).max(1_000_000).default(10),
  /** How long a screening decision may take, from the request's arrival; past it the answer is `warn`. */
  KHIEN_SCREENING_BUDGET_MS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** SMTP server for e-mail to reporters, e.g. smtp://user:pass@mail.example.vn:587; unset: messages are only logged. */
  KHIEN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of those e-mails. */
  KHIEN_SMTP_FROM: z.string().default('Khiên <khong-tra-loi@khien.local>'),
  /** NATS server for registry changes between processes, e.g. nats://127.0.0.1:4222 (JetStream enabled). */
  KHIEN_NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\//, 'must start with nats:// or tls://')
    .optional(),
  /** The JetStream stream for registry changes (its subject is `<stream in lower case>.changes`). */
  KHIEN_NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only')
    .default('KHIEN_REGISTRY'),
  /** How server processes tell each other of registry changes: PostgreSQL NOTIFY, or NATS JetStream. */
  KHIEN_CHANGE_FEED: z.enum(['notify', 'nats']).default('notify'),
  KHIEN_JOBS: z.enum(['on', 'off']).default('on'),
  /** The offline IP-to-country database for transfer screening (DB-IP, loaded at start: about 0.4 s, 15 MB). */
  KHIEN_IP_DATABASE: z.enum(['on', 'off']).default('on'),
  /** With KHIEN_NATS_URL: the JetStream stream banks publish completed transfers to (unset: no feed). */
  KHIEN_TRANSFERS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a stream name: letters, digits, _ and -')
    .optional(),
  KHIEN_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  totpRequired: ReadonlyArray<'admin' | 'police' | 'all'>;
  cookieSecure: 'auto' | 'true' | 'false';
  bodyLimitBytes: number;
  authRateLimitPerMinute: number;
  trustProxy: boolean | string[];
  publicCheckRatePerMinute: number;
  dataKeys: string | undefined;
  appealDays: number;
  publicReportRatePerHour: number;
  screeningBudgetMs: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  natsUrl: string | undefined;
  natsStream: string;
  changeFeed: 'notify' | 'nats';
  jobs: boolean;
  ipDatabase: boolean;
  transfersStream: string | undefined;
  webDist: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {}

/** The only reader of process.env. The first bad value stops start-up with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration ${first?.path.join('.')}: ${first?.message}`);
  }
  const e = parsed.data;
  if (e.KHIEN_CHANGE_FEED === 'nats' && !e.KHIEN_NATS_URL) {
    throw new ConfigError('Invalid configuration KHIEN_CHANGE_FEED: nats needs KHIEN_NATS_URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.KHIEN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.KHIEN_ADMIN_PASSWORD,
    sessionTtlMinutes: e.KHIEN_SESSION_TTL_MINUTES,
    sessionIdleMinutes: e.KHIEN_SESSION_IDLE_MINUTES,
    lockoutThreshold: e.KHIEN_LOCKOUT_THRESHOLD,
    lockoutMinutes: e.KHIEN_LOCKOUT_MINUTES,
    totpRequired: e.KHIEN_TOTP_REQUIRED,
    cookieSecure: e.KHIEN_COOKIE_SECURE,
    bodyLimitBytes: e.KHIEN_BODY_LIMIT_BYTES,
    authRateLimitPerMinute: e.KHIEN_AUTH_RATE_LIMIT,
    trustProxy:
      e.KHIEN_TRUST_PROXY === 'true'
        ? true
        : e.KHIEN_TRUST_PROXY === 'false' || e.KHIEN_TRUST_PROXY === ''
          ? false
          : e.KHIEN_TRUST_PROXY.split(',').map((a) => a.trim()),
    publicCheckRatePerMinute: e.KHIEN_PUBLIC_CHECK_RATE,
    dataKeys: e.KHIEN_DATA_KEYS,
    appealDays: e.KHIEN_APPEAL_DAYS,
    publicReportRatePerHour: e.KHIEN_PUBLIC_REPORT_RATE,
    screeningBudgetMs: e.KHIEN_SCREENING_BUDGET_MS,
    smtpUrl: e.KHIEN_SMTP_URL,
    smtpFrom: e.KHIEN_SMTP_FROM,
    natsUrl: e.KHIEN_NATS_URL,
    natsStream: e.KHIEN_NATS_STREAM,
    changeFeed: e.KHIEN_CHANGE_FEED,
    jobs: e.KHIEN_JOBS === 'on',
    ipDatabase: e.KHIEN_IP_DATABASE === 'on',
    transfersStream: e.KHIEN_TRANSFERS_STREAM,
    webDist: e.KHIEN_WEB_DIST,
    logLevel: e.LOG_LEVEL,
  };
}

/** A configuration for tests and tools: defaults plus overrides, never reading process.env. */
export function configFor(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
