import { setCardKeyHasher } from '@khien/core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { isReachable, openDatabase, type Database } from './db/database.js';
import { lockDataDirectory } from './db/data-lock.js';
import { migrate, migrationStatus } from './db/migrate.js';
import { buildHttpApp, type App } from './http/app.js';
import { createMetrics } from './http/metrics.js';
import { createJobQueue, type JobQueue } from './jobs/queue.js';
import {
  createAgenciesRepository,
  createAgenciesService,
  registerAgenciesRoutes,
} from './modules/agencies/index.js';
import { createAuditRepository, createAuditService, registerAuditRoutes } from './modules/audit/index.js';
import {
  createAuthRepository,
  createAuthService,
  credentialsOf,
  registerAuthRoutes,
  SESSION_COOKIE,
} from './modules/auth/index.js';
import {
  createReferenceRepository,
  createReferenceService,
  registerReferenceRoutes,
  shippedAdminUnits,
} from './modules/reference/index.js';
import {
  createAppealsService,
  createDelegationsService,
  createImportService,
  createIndicatorsRepository,
  createIndicatorsService,
  officialIdentifiers,
  registerAppealsRoutes,
  registerIndicatorsRoutes,
} from './modules/indicators/index.js';
import { createDataCipher, loadOrCreateKeyFile, parseDataKeys, DataKeyError } from './shared/data-cipher.js';
import { createKeyedHasher, loadHashKey } from './shared/keyed-hash.js';
import {
  CheckCounter,
  createLookupService,
  createLookupState,
  registerLookupRoutes,
  startNatsFeed,
  startNotifyFeed,
} from './modules/lookup/index.js';
import {
  createNotificationService,
  createSender,
  notificationJobHandler,
} from './modules/notifications/index.js';
import {
  createCaseFileRepository,
  createCaseFileService,
  createNetworksRepository,
  createNetworksService,
  createReportsRepository,
  createReportsService,
  registerCaseFileRoutes,
  registerNetworkRoutes,
  registerReportsRoutes,
} from './modules/reports/index.js';
import {
  createIdempotency,
  createRecoveryService,
  createRequestsRepository,
  createRequestsService,
  createWebhooksRepository,
  createWebhooksService,
  registerRequestsRoutes,
} from './modules/requests/index.js';
import {
  startCompletedFeed,
  createIpFacts,
  createScreeningRepository,
  createScreeningService,
  registerScreeningRoutes,
} from './modules/screening/index.js';
import { registerSystemRoutes } from './modules/system/index.js';
import { systemClock, type Clock } from './shared/clock.js';
import { systemContext } from './shared/context.js';
import { newId } from './shared/ids.js';
import { allowedActions, mayEver } from './shared/policy.js';

export interface Platform {
  app: App;
  database: Database;
  jobs: JobQueue;
  logger: Logger;
  /** The generated one-time password of the first administrator, when this start created it. */
  initialAdminPassword: string | null;
  services: {
    auth: ReturnType<typeof createAuthService>;
    agencies: ReturnType<typeof createAgenciesService>;
    audit: ReturnType<typeof createAuditService>;
    reference: ReturnType<typeof createReferenceService>;
    indicators: ReturnType<typeof createIndicatorsService>;
    lookup: ReturnType<typeof createLookupService>;
    appeals: ReturnType<typeof createAppealsService>;
    importer: ReturnType<typeof createImportService>;
    reports: ReturnType<typeof createReportsService>;
    requests: ReturnType<typeof createRequestsService>;
    webhooks: ReturnType<typeof createWebhooksService>;
    recovery: ReturnType<typeof createRecoveryService>;
    screening: ReturnType<typeof createScreeningService>;
  };
  close(): Promise<void>;
}

export interface PlatformOptions {
  clock?: Clock;
  logger?: Logger;
  /** Open this database instead of the one the configuration names (tests use a fresh one). */
  database?: Database;
}

/** The web app's build, beside the server's (apps/web/dist), unless the configuration names one. */
function defaultWebDist(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    path.resolve(here, '../../web/dist'),
    path.resolve(here, '../../../apps/web/dist'),
  ]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}

/** The keys for personal data at rest: configured, or (embedded database only) kept in the data folder. */
function dataKeys(config: Config, kind: Database['kind']) {
  if (config.dataKeys) return parseDataKeys(config.dataKeys);
  if (kind === 'pglite' && !config.databaseUrl) return loadOrCreateKeyFile(config.dataDir);
  throw new DataKeyError(
    'Set KHIEN_DATA_KEYS (id:base64 of 32 random bytes, e.g. k1:$(openssl rand -base64 32)) to run on PostgreSQL',
  );
}

/** The composition root: configuration → database → modules → HTTP and jobs. */
export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'khien' } });
  let unlock: (() => void) | null = null;
  let database = options.database;
  if (!database) {
    if (config.databaseUrl) {
      database = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
    } else {
      unlock = lockDataDirectory(config.dataDir);
      try {
        database = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
      } catch (error) {
        unlock();
        throw error;
      }
    }
  }
  const openedDatabase = database;
  try {
    const applied = await migrate(database);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    const db = database.db;

    const auditService = createAuditService({ db, repository: createAuditRepository(), clock });
    const reference = createReferenceService({ db, repository: createReferenceRepository() });
    const referenceSync = await reference.sync(shippedAdminUnits());
    if (referenceSync.changed) logger.info({ version: referenceSync.version }, 'administrative units loaded');
    const agenciesRepository = createAgenciesRepository();
    const agencies = createAgenciesService({
      db,
      repository: agenciesRepository,
      audit: auditService,
      reference,
      clock,
      totpRequiredFor: config.totpRequired,
    });
    const indicatorsRepository = createIndicatorsRepository();
    // Personal data and credentials at rest (appellants' contacts, TOTP secrets).
    const cipher = createDataCipher(dataKeys(config, openedDatabase.kind));
    // Keyed hashes under the platform's own secret (ADR 0006): card keys in the registry, reporter counts.
    // Set before anything is parsed, so that every card key is the keyed one.
    const hasher = createKeyedHasher(await loadHashKey(db, cipher));
    setCardKeyHasher((digits) => hasher.hash('card', digits).slice(0, 32));
    const auth = createAuthService({
      cipher,
      db,
      repository: createAuthRepository(),
      agenciesRepository,
      agencies,
      audit: auditService,
      clock,
      settings: config,
      // Staff of an agency the police delegated registry decisions to may decide on some entries.
      grantedActions: async (actor) =>
        mayEver(actor, 'indicator.decide') &&
        !allowedActions(actor).includes('indicator.decide') &&
        (await indicatorsRepository.delegations(db, { delegateAgencyId: actor.agency.id })).length > 0
          ? ['indicator.decide']
          : [],
    });
    const bootstrap = await auth.bootstrap(systemContext, config.adminPassword);

    const lookupState = createLookupState();
    // This process's name in the change announcements the server processes send each other.
    const origin = `${process.pid}-${newId()}`;
    // Listen before loading, so that no change committed in between is missed.
    const feedDependencies = { db, repository: indicatorsRepository, state: lookupState, origin, logger };
    const nats =
      config.changeFeed === 'nats' && config.natsUrl
        ? await startNatsFeed({ ...feedDependencies, url: config.natsUrl, stream: config.natsStream })
        : null;
    const stopNotifyFeed = nats ? null : await startNotifyFeed({ ...feedDependencies, database });
    const stopChangeFeed = async () => {
      await stopNotifyFeed?.();
      await nats?.stop();
    };
    const indicators = createIndicatorsService({
      db,
      repository: indicatorsRepository,
      audit: auditService,
      clock,
      listeners: nats ? [lookupState.listener, nats.listener] : [lookupState.listener],
      origin,
    });
    const appeals = createAppealsService({
      db,
      repository: indicatorsRepository,
      indicators,
      audit: auditService,
      clock,
      cipher,
      appealDays: config.appealDays,
    });
    const importer = createImportService({
      db,
      repository: indicatorsRepository,
      indicators,
      audit: auditService,
    });
    // Messages to reporters go through the outbox; without SMTP configured they are only logged.
    const notifications = createNotificationService({
      db,
      cipher,
      clock,
      logger,
      sender: createSender({ smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom, logger }),
    });
    const reports = createReportsService({
      db,
      repository: createReportsRepository(),
      indicators,
      audit: auditService,
      clock,
      cipher,
      hasher,
      messages: notifications,
      allowlisted: (trx, keys) => indicatorsRepository.allowlistedKeys(trx, keys),
      onIndicatorsChanged: (rows) => rows.forEach((row) => indicators.notify(row)),
      onLinkError: (error) =>
        logger.warn({ err: error }, 'reports not linked to the registry yet; the next run links them'),
    });
    // Scam networks: built from the reports when first asked for, then kept in memory and rebuilt at most
    // once a minute when something changed.
    // The case file (hồ sơ vụ việc) for the procuracy, PDF or DOCX.
    const caseFiles = createCaseFileService({
      db,
      reports: createReportsRepository(),
      repository: createCaseFileRepository(),
      audit: auditService,
      clock,
    });
    const networks = createNetworksService({
      db,
      repository: createNetworksRepository(),
      clock,
      onBuilt: (stats) => logger.info(stats, 'scam networks built'),
      onError: (error) => logger.warn({ err: error }, 'scam networks not rebuilt; the previous ones answer'),
    });
    // Requests between agencies, their webhooks and the asset-recovery ledger (ADR 0008).
    const requestsRepository = createRequestsRepository();
    const webhooks = createWebhooksService({
      db,
      repository: createWebhooksRepository(),
      audit: auditService,
      clock,
      cipher,
      logger,
    });
    const requests = createRequestsService({
      db,
      repository: requestsRepository,
      webhooks,
      audit: auditService,
      clock,
      cipher,
      messages: notifications,
    });
    const recovery = createRecoveryService({
      db,
      repository: requestsRepository,
      audit: auditService,
      clock,
    });
    const idempotency = createIdempotency({ db, clock });
    const seeded = await indicators.seedAllowlist(officialIdentifiers());
    if (seeded > 0) logger.info({ added: seeded }, 'official identifiers added to the allowlist');
    const loaded = await lookupState.load(db, indicatorsRepository);
    logger.info(loaded, 'lookup index built');
    // Reports a previous run acknowledged but had not linked to the registry when it stopped; after the
    // index is built, so that the entries they change reach it.
    reports
      .linkRegistry()
      .then(
        (linked) =>
          linked > 0 && logger.info({ linked }, 'reports left from the last run linked to the registry'),
      )
      .catch((error: unknown) => logger.warn({ err: error }, 'reports not linked to the registry yet'));
    // Transfer screening reads the same in-memory registry as the public check (ADR 0009), and the
    // country of the payer's IP from the offline database.
    const ipFacts = config.ipDatabase ? createIpFacts() : null;
    const screening = createScreeningService({
      db,
      repository: createScreeningRepository(),
      audit: auditService,
      clock,
      cipher,
      hasher,
      registry: (key) => lookupState.index.lookup(key),
      budgetMs: config.screeningBudgetMs,
      ...(ipFacts ? { ipFacts: (ip: string) => ipFacts.lookup(ip) } : {}),
      reportIndicator: (context, input) => indicators.report(context, input),
      sendNotice: (context, input) => requests.create(context, input),
    });
    await screening.load();
    // Banks that stream completed transfers (NATS JetStream) instead of posting them.
    const completedFeed =
      config.natsUrl && config.transfersStream
        ? await startCompletedFeed({ url: config.natsUrl, stream: config.transfersStream, screening, logger })
        : null;
    const checkCounter = new CheckCounter();
    const lookup = createLookupService({
      index: lookupState.index,
      allowlist: lookupState.allowlist,
      counter: checkCounter,
      clock,
    });
    const flushCounts = async () => {
      const rows = checkCounter.drain();
      try {
        await indicatorsRepository.addCheckCounts(db, rows);
      } catch (error) {
        checkCounter.restore(rows);
        logger.warn({ err: error }, 'check counts not written; kept for the next attempt');
      }
    };
    const flushTimer = setInterval(() => void flushCounts(), 15_000);
    flushTimer.unref();

    const metrics = createMetrics();
    const jobs = createJobQueue({
      database,
      logger,
      handlers: {
        'sessions.purge-expired': async () => {
          const removed = await auth.purgeExpiredSessions();
          logger.info({ removed }, 'expired sessions purged');
        },
        'notifications.deliver': notificationJobHandler(notifications),
        'reports.link-registry': async () => {
          const linked = await reports.linkRegistry();
          if (linked > 0) logger.info({ linked }, 'reports linked to the registry by the job');
        },
        'reports.remind-deadlines': async () => {
          const reminded = await reports.remindDeadlines();
          logger.info({ reminded }, 'report deadline reminders written');
        },
        'requests.escalate': async () => {
          const escalated = await requests.escalate();
          const forgotten = await idempotency.purge();
          if (escalated > 0 || forgotten > 0) logger.info({ escalated, forgotten }, 'requests escalated');
        },
        'requests.expire-holds': async () => {
          const expired = await requests.expireHolds();
          if (expired > 0) logger.info({ expired }, 'holds lapsed');
        },
        'requests.deliver-webhooks': async () => {
          const result = await webhooks.deliverDue();
          if (result.delivered + result.failed > 0) logger.info(result, 'webhook events posted');
        },
        'indicators.expire': async () => {
          const expired = await indicators.expire();
          logger.info({ expired }, 'unconfirmed registry entries lapsed');
        },
        'audit.verify-chain': async () => {
          const result = await auditService.verify(null);
          metrics.auditChainOk.set(result.ok ? 1 : 0);
          if (result.ok) logger.info({ checked: result.checked }, 'audit chain verified');
          else
            logger.error(
              { firstBrokenSeq: result.firstBrokenSeq, problem: result.problem },
              'audit chain broken',
            );
        },
      },
      schedules: [
        { name: 'sessions.purge-expired', cron: '17 * * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'audit.verify-chain', cron: '41 2 * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'indicators.expire', cron: '7 3 * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'notifications.deliver', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'reports.remind-deadlines', cron: '0 7 * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'reports.link-registry', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'requests.escalate', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'requests.expire-holds', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
        { name: 'requests.deliver-webhooks', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      ],
    });

    const app = await buildHttpApp({
      // An empty KHIEN_WEB_DIST serves the API alone.
      config: {
        ...config,
        webDist: config.webDist === '' ? undefined : (config.webDist ?? defaultWebDist()),
      },
      logger,
      metrics,
      sessionCookieName: SESSION_COOKIE,
      async authenticate(request) {
        const identity = await auth.authenticate(credentialsOf(request));
        return identity ? { context: { actor: identity.actor }, restriction: identity.restriction } : null;
      },
    });
    registerSystemRoutes(app, {
      metricsContentType: metrics.registry.contentType,
      metricsText: () => metrics.registry.metrics(),
      async readiness() {
        const reachable = await isReachable(openedDatabase);
        const status = reachable ? await migrationStatus(openedDatabase) : { applied: 0, pending: 0 };
        const ready = reachable && status.pending === 0;
        return {
          status: ready ? 'ready' : 'not_ready',
          database: openedDatabase.kind,
          databaseReachable: reachable,
          migrationsApplied: status.applied,
          migrationsPending: status.pending,
          jobs: jobs.isRunning() ? 'running' : 'stopped',
        };
      },
    });
    registerAuthRoutes(app, auth, {
      cookieSecure: config.cookieSecure,
      rateLimitPerMinute: config.authRateLimitPerMinute,
    });
    registerAgenciesRoutes(app, agencies);
    registerAuditRoutes(app, auditService);
    registerReferenceRoutes(app, reference);
    registerIndicatorsRoutes(
      app,
      indicators,
      createDelegationsService({
        db,
        repository: indicatorsRepository,
        audit: auditService,
        clock,
        agencyExists: async (id) => (await agenciesRepository.agency(db, id)) !== undefined,
      }),
    );
    registerLookupRoutes(app, lookup, { ratePerMinute: config.publicCheckRatePerMinute });
    registerAppealsRoutes(app, appeals, { ratePerMinute: config.publicCheckRatePerMinute });
    registerReportsRoutes(app, reports, {
      publicReportsPerHour: config.publicReportRatePerHour,
      publicFollowPerMinute: config.publicCheckRatePerMinute,
    });
    registerNetworkRoutes(app, networks);
    registerCaseFileRoutes(app, caseFiles);
    registerRequestsRoutes(app, { requests, webhooks, recovery, idempotency });
    registerScreeningRoutes(app, screening);
    await app.ready();
    if (config.jobs) await jobs.start();

    let closed = false;
    return {
      app,
      database,
      jobs,
      logger,
      initialAdminPassword: bootstrap.password,
      services: {
        auth,
        agencies,
        audit: auditService,
        reference,
        indicators,
        lookup,
        appeals,
        importer,
        reports,
        requests,
        webhooks,
        recovery,
        screening,
      },
      async close() {
        if (closed) return;
        closed = true;
        // Stop taking requests first, then let running jobs finish, then close the database.
        await app.close();
        // Reports already acknowledged enter the registry before the database closes.
        await reports
          .linkRegistry()
          .catch((error: unknown) => logger.warn({ err: error }, 'reports left to link at the next start'));
        clearInterval(flushTimer);
        await completedFeed?.stop();
        await stopChangeFeed();
        await flushCounts();
        await jobs.stop();
        // Webhook posts started by requests or jobs finish before the database closes.
        await webhooks.settled();
        if (!options.database) await openedDatabase.close();
        unlock?.();
      },
    };
  } catch (error) {
    if (!options.database) await openedDatabase.close().catch(() => undefined);
    unlock?.();
    throw error;
  }
}
