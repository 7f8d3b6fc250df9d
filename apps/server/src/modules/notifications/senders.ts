import nodemailer from 'nodemailer';
import type { NotificationChannel } from './templates.js';

/** One message leaving the outbox. `id` is the outbox row's id. */
export interface OutgoingMessage {
  channel: NotificationChannel;
  to: string;
  subject: string;
  body: string;
  id: string;
}

/**
 * `sent`: handed to a real gateway (an SMTP server accepted it). `logged`: no gateway exists for it, so
 * only the fact that it would have been sent was logged. A sender throws when delivery failed; the outbox
 * then tries again later.
 */
export type SendOutcome = 'sent' | 'logged';

export interface Sender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /** Releases connections, if the sender keeps any. */
  close?(): void;
}

export interface SenderLogger {
  info(obj: object, msg?: string): void;
}

/**
 * The sender of a deployment without gateways. It writes one line per message with the outbox id and the
 * channel only: the address and the text stay in the outbox, encrypted or reviewable there, and out of log
 * files, which are copied to more places and kept longer than the database.
 */
export function createLogSender(logger: SenderLogger): Sender {
  return {
    name: 'log',
    async send(message) {
      logger.info(
        { notificationId: message.id, channel: message.channel, sender: 'log' },
        'notification not delivered: no gateway for this channel, logged only',
      );
      return 'logged';
    },
  };
}

export interface SmtpSenderOptions {
  /** `smtp://user:password@host:587` or `smtps://…`; query parameters set further nodemailer options. */
  url: string;
  /** The From header, e.g. `Khiên <khong-tra-loi@khien.example.vn>`. */
  from: string;
  /** Where messages that SMTP cannot carry go: text messages, until an SMS gateway exists. */
  fallback: Sender;
}

// The outbox holds a row lock (and on PGlite the single database session) while a message is sent, so a
// mail server that stops answering must give up in seconds, not in nodemailer's default minutes.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** The domain of the From address, for Message-ID headers. */
function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim();
  return domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'khien.local';
}

export function createSmtpSender(options: SmtpSenderOptions): Sender {
  const transport = nodemailer.createTransport({
    ...SMTP_TIMEOUTS,
    url: options.url,
    // The text is plain and written by us: nothing in a message may make the server read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const domain = domainOf(options.from);
  return {
    name: 'smtp',
    async send(message) {
      if (message.channel !== 'email') return options.fallback.send(message);
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        // The same id on every attempt: a mail server or client that saw the message already can drop a
        // repeat sent after a lost acknowledgement.
        messageId: `<${message.id}@${domain}>`,
        headers: { 'X-Khien-Notification': message.id, 'Auto-Submitted': 'auto-generated' },
      });
      return 'sent';
    },
    close() {
      transport.close();
    },
  };
}

export interface SenderOptions {
  smtpUrl: string | undefined;
  smtpFrom: string;
  logger: SenderLogger;
}

/** SMTP when a server is configured (KHIEN_SMTP_URL), the log sender otherwise. */
export function createSender(options: SenderOptions): Sender {
  const log = createLogSender(options.logger);
  return options.smtpUrl
    ? createSmtpSender({ url: options.smtpUrl, from: options.smtpFrom, fallback: log })
    : log;
}
