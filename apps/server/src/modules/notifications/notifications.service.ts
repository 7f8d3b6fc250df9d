import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/queue.js';
import type { Clock } from '../../shared/clock.js';
import type { DataCipher } from '../../shared/data-cipher.js';
import { newId } from '../../shared/ids.js';
import { createNotificationsRepository, type OutboxRow } from './notifications.repository.js';
import type { OutgoingMessage, SendOutcome, Sender } from './senders.js';
import {
  renderNotification,
  withoutRecipient,
  type NotificationChannel,
  type NotificationLanguage,
  type NotificationParams,
  type NotificationTemplate,
} from './templates.js';

export interface NotificationLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface NotificationServiceDependencies {
  db: Kysely<DB>;
  cipher: DataCipher;
  clock: Clock;
  logger: NotificationLogger;
  sender: Sender;
  /** The public address of the site, for the tracking link in messages; without it, the path is shown. */
  siteUrl?: string | undefined;
}

export interface QueuedNotification {
  channel: NotificationChannel;
  /** The e-mail address or phone number. Stored encrypted, and never part of the text. */
  recipient: string;
  template: NotificationTemplate;
  language: NotificationLanguage;
  params: NotificationParams;
  reportId: string | null;
}

/** What one round of delivery did. `failed` counts failed attempts, whether the message stays pending or not. */
export interface DeliveryCounts {
  sent: number;
  logged: number;
  failed: number;
}

export interface DeliverOptions {
  /** Try this message before the others (the job names the message it was sent for). */
  first?: string | undefined;
}

/** After this many failed attempts a message is given up on (`failed`) and no longer tried. */
export const MAX_ATTEMPTS = 5;
const MAX_RECIPIENT_CHARACTERS = 320;

/**
 * The reason of a failed attempt, as stored in `last_error` and logged: mail servers quote the address
 * they refused ("550 <name@example.vn>: mailbox unavailable"), so addresses and long digit runs are
 * masked (so the recipient is hidden however it is spelt), and the text is kept short.
 */
export function describeFailure(error: unknown, recipient: string): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const raw = error instanceof Error ? error.message : String(error);
  let text = raw;
  if (recipient.trim() !== '') text = text.split(recipient.trim()).join('[recipient]');
  text = text
    .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '[address]')
    // Seven digits or more is a phone or account number; reply codes such as `550 5.1.1` stay readable.
    .replace(/\+?\d(?:[\s.-]?\d)*/g, (run) => (run.replace(/\D/g, '').length >= 7 ? '[number]' : run))
    .replace(/\s+/g, ' ')
    .trim();
  const prefix = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? `${code}: ` : '';
  const full = `${prefix}${text}`;
  return full.length > 300 ? `${full.slice(0, 299)}…` : full;
}

export function createNotificationService(deps: NotificationServiceDependencies) {
  const { db, cipher, clock, logger, sender } = deps;
  const repository = createNotificationsRepository();

  /**
   * One message in its own transaction, with its row locked while it is sent: a second worker skips it,
   * and the outcome is written before the lock is released. Answers null when nothing is left to send.
   */
  async function deliverNext(tried: Set<string>, first: string | undefined) {
    return db.transaction().execute(async (trx) => {
      const row = await repository.nextPending(trx, { exclude: [...tried], first });
      if (!row) return null;
      // A message is tried at most once per round, so that a failing one does not use up its attempts
      // at once, nor hold up the ones behind it.
      tried.add(row.id);
      let recipient = '';
      let outcome: SendOutcome;
      try {
        recipient = cipher.decrypt(row.recipient_encrypted);
        outcome = await sender.send(messageOf(row, recipient));
      } catch (error) {
        const attempts = row.attempts + 1;
        const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
        const lastError = describeFailure(error, recipient);
        await repository.markAttemptFailed(trx, row.id, { attempts, status, lastError });
        logger.warn(
          {
            notificationId: row.id,
            channel: row.channel,
            sender: sender.name,
            attempts,
            status,
            error: lastError,
          },
          status === 'failed'
            ? 'notification given up after repeated failures'
            : 'notification not sent; will retry',
        );
        return 'failed' as const;
      }
      // Outside the try: a database error here is not the sender's failure. It rolls the transaction back
      // and the message stays pending, to be sent again (at least once, never silently lost).
      await repository.markDelivered(trx, row.id, outcome, clock.now());
      return outcome;
    });
  }

  async function queueAll(
    trx: Transaction<DB>,
    notifications: readonly QueuedNotification[],
  ): Promise<string[]> {
    const rows = notifications.map((notification) => {
      const recipient = notification.recipient.trim();
      if (recipient === '' || recipient.length > MAX_RECIPIENT_CHARACTERS)
        throw new Error('A notification needs a recipient address or number of at most 320 characters');
      const params = withoutRecipient(notification.params, notification.channel, recipient);
      const { subject, body } = renderNotification({
        template: notification.template,
        language: notification.language,
        channel: notification.channel,
        params,
        siteUrl: deps.siteUrl,
      });
      return {
        id: newId(),
        channel: notification.channel,
        recipient_encrypted: cipher.encrypt(recipient),
        template: notification.template,
        language: notification.language,
        params: JSON.stringify(params),
        subject,
        body,
        status: 'pending' as const,
        attempts: 0,
        last_error: null,
        report_id: notification.reportId,
        created_at: clock.now(),
        sent_at: null,
      };
    });
    await repository.insertAll(trx, rows);
    return rows.map((row) => row.id);
  }

  const messageOf = (row: OutboxRow, to: string): OutgoingMessage => ({
    id: row.id,
    channel: row.channel,
    to,
    subject: row.subject,
    body: row.body,
  });

  return {
    /**
     * Adds a message to the outbox in the caller's transaction, so that it exists exactly when the change
     * it tells of is committed. The text is rendered now: what the reporter reads is what the stage was
     * when it changed, even if it changes again before delivery. Answers the message's id.
     */
    async queue(trx: Transaction<DB>, notification: QueuedNotification): Promise<string> {
      const [id] = await queueAll(trx, [notification]);
      return id!;
    },

    /** Adds several messages with one statement (see `queue`); answers their ids, in order. */
    queueAll,

    /**
     * Sends up to `limit` pending messages, oldest first, each at most once. A message whose sender fails
     * stays pending for the next round (attempts + 1) until MAX_ATTEMPTS, then becomes `failed`; the
     * others go on regardless.
     */
    async deliverPending(limit = 100, options: DeliverOptions = {}): Promise<DeliveryCounts> {
      const counts: DeliveryCounts = { sent: 0, logged: 0, failed: 0 };
      const tried = new Set<string>();
      while (tried.size < limit) {
        const outcome = await deliverNext(tried, options.first);
        if (outcome === null) break;
        counts[outcome] += 1;
      }
      if (tried.size > 0) logger.info({ ...counts, sender: sender.name }, 'notification outbox delivered');
      return counts;
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;

/**
 * The handler of the `notifications.deliver` job. With an id (the job sent in the transaction that queued
 * that message), that message goes first; the rest of the outbox follows in the same round, so messages
 * left pending by an earlier failure are retried whenever a job runs.
 */
export function notificationJobHandler(
  service: Pick<NotificationService, 'deliverPending'>,
): JobHandler<'notifications.deliver'> {
  return async (payload) => {
    await service.deliverPending(100, { first: payload.id });
  };
}
