import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { ManualClock } from '../../shared/clock.js';
import { createDataCipher } from '../../shared/data-cipher.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import {
  MAX_ATTEMPTS,
  createLogSender,
  createNotificationService,
  createSender,
  notificationJobHandler,
  type OutgoingMessage,
  type QueuedNotification,
  type Sender,
} from './index.js';

/** A pino logger writing JSON lines into an array, to read what the outbox logged. */
function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** A real SMTP server on a free local port, keeping what it receives. */
async function startSmtpServer() {
  const received: { to: string[]; mail: ParsedMail }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback: the test server has no certificate a client would trust.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const EMAIL = 'tran.thi.mai@example.vn';
const PHONE = '0912 345 678';

const receipt = (overrides: Partial<QueuedNotification> = {}): QueuedNotification => ({
  channel: 'email',
  recipient: EMAIL,
  template: 'report.received',
  language: 'vi',
  params: { trackingCode: 'TG-7Q2M9XKD', handlingUnit: 'Công an tỉnh Điện Biên' },
  reportId: null,
  ...overrides,
});

/** Remembers what it was asked to send; throws for the recipients it is told to refuse. */
function recordingSender(refuse: (message: OutgoingMessage) => boolean = () => false) {
  const calls: OutgoingMessage[] = [];
  const sender: Sender = {
    name: 'recording',
    async send(message) {
      calls.push(message);
      if (refuse(message))
        throw Object.assign(new Error(`550 5.1.1 <${message.to}>: mailbox unavailable`), {
          code: 'EENVELOPE',
        });
      return message.channel === 'email' ? 'sent' : 'logged';
    },
  };
  return { sender, calls };
}

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`the notification outbox on ${target.name}`, () => {
    let testDb: TestDatabase;
    const clock = new ManualClock(new Date('2026-11-26T02:00:00Z'));
    const cipher = createDataCipher([{ id: 'test', key: crypto.randomBytes(32) }]);
    const db = () => testDb.database.db;

    const serviceWith = (sender: Sender, logger = memoryLogger().logger) =>
      createNotificationService({ db: db(), cipher, clock, logger, sender });
    const queueCommitted = (sender: Sender, notification: QueuedNotification) =>
      db()
        .transaction()
        .execute((trx) => serviceWith(sender).queue(trx, notification));
    const rows = () => db().selectFrom('notification_outbox').selectAll().orderBy('created_at').execute();
    const row = (id: string) =>
      db().selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    beforeAll(async () => {
      testDb = await target.open();
      await migrate(testDb.database);
    });
    afterAll(async () => {
      await testDb?.dispose();
    });
    beforeEach(async () => {
      await db().deleteFrom('notification_outbox').execute();
    });

    it('queues nothing when the causing transaction rolls back', async () => {
      const { sender } = recordingSender();
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await serviceWith(sender).queue(trx, receipt());
            throw new Error('the status change failed');
          }),
      ).rejects.toThrow('the status change failed');
      expect(await rows()).toHaveLength(0);
    });

    it('stores the rendered message, with the recipient encrypted and nowhere in clear', async () => {
      const { sender } = recordingSender();
      const id = await queueCommitted(sender, receipt());
      const stored = await row(id);
      expect(stored).toMatchObject({
        channel: 'email',
        template: 'report.received',
        language: 'vi',
        params: { trackingCode: 'TG-7Q2M9XKD', handlingUnit: 'Công an tỉnh Điện Biên' },
        subject: 'Khiên: đã tiếp nhận tố giác TG-7Q2M9XKD',
        status: 'pending',
        attempts: 0,
        last_error: null,
        report_id: null,
        sent_at: null,
      });
      expect(new Date(stored.created_at).toISOString()).toBe(clock.now().toISOString());
      expect(stored.body).toContain('Mã theo dõi: TG-7Q2M9XKD');
      expect(stored.recipient_encrypted).not.toContain('tran.thi.mai');
      expect(stored.recipient_encrypted).not.toContain('example.vn');
      expect(cipher.decrypt(stored.recipient_encrypted)).toBe(EMAIL);
      expect(JSON.stringify(stored)).not.toContain(EMAIL);
    });

    it("masks the recipient's own number in the unit's message before storing it", async () => {
      const { sender } = recordingSender();
      const id = await queueCommitted(
        sender,
        receipt({
          channel: 'sms',
          recipient: PHONE,
          template: 'report.status_changed',
          params: {
            trackingCode: 'TG-7Q2M9XKD',
            status: 'verifying',
            decision: null,
            handlingUnit: 'Công an tỉnh Điện Biên',
            message: 'Cán bộ sẽ gọi lại số 0912.345.678 của bạn.',
          },
        }),
      );
      const stored = await row(id);
      expect(stored.params).toMatchObject({ message: 'Cán bộ sẽ gọi lại số *** của bạn.' });
      expect(JSON.stringify(stored)).not.toMatch(/345.?678/);
    });

    it('refuses parameters that could carry personal data, and the transaction with them', async () => {
      const { sender } = recordingSender();
      await expect(
        queueCommitted(
          sender,
          receipt({ params: { trackingCode: 'TG-7Q2M9XKD', handlingUnit: null, fullName: 'Trần Thị Mai' } }),
        ),
      ).rejects.toThrow(/does not take fullName/);
      expect(await rows()).toHaveLength(0);
    });

    it('marks messages logged by the log sender, whose lines carry neither address nor text', async () => {
      const { logger, lines } = memoryLogger();
      const service = serviceWith(createLogSender(logger), logger);
      const emailId = await db()
        .transaction()
        .execute((trx) => service.queue(trx, receipt()));
      const smsId = await db()
        .transaction()
        .execute((trx) => service.queue(trx, receipt({ channel: 'sms', recipient: PHONE })));
      clock.advance(60_000);
      expect(await service.deliverPending()).toEqual({ sent: 0, logged: 2, failed: 0 });
      for (const id of [emailId, smsId])
        expect(await row(id)).toMatchObject({ status: 'logged', attempts: 1, last_error: null });
      expect(new Date((await row(emailId)).sent_at!).toISOString()).toBe(clock.now().toISOString());

      const senderLines = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(
        senderLines.filter((line) => 'notificationId' in line).map((line) => line.notificationId),
      ).toEqual([emailId, smsId]);
      const { body, subject } = await row(emailId);
      for (const line of lines) {
        for (const personal of [EMAIL, 'tran.thi.mai', PHONE, '0912345678', '345 678'])
          expect(line).not.toContain(personal);
        expect(line).not.toContain(subject);
        expect(line).not.toContain(body.split('\n')[0]!);
        expect(line).not.toContain('TG-7Q2M9XKD');
      }
      // Nothing is left: a second round sends nothing again.
      expect(await service.deliverPending()).toEqual({ sent: 0, logged: 0, failed: 0 });
    });

    it('sends the oldest first, and keeps a failing message pending while the others go out', async () => {
      const failing = 'hong@example.vn';
      const { sender, calls } = recordingSender((message) => message.to === failing);
      clock.set(new Date('2026-11-26T03:00:00Z'));
      const newest = await queueCommitted(sender, receipt({ recipient: 'moi.nhat@example.vn' }));
      clock.set(new Date('2026-11-26T01:00:00Z'));
      const oldest = await queueCommitted(sender, receipt({ recipient: failing }));
      clock.set(new Date('2026-11-26T02:00:00Z'));
      const middle = await queueCommitted(sender, receipt({ channel: 'sms', recipient: PHONE }));

      const { logger, lines } = memoryLogger();
      const counts = await serviceWith(sender, logger).deliverPending();
      expect(counts).toEqual({ sent: 1, logged: 1, failed: 1 });
      expect(calls.map((call) => call.id)).toEqual([oldest, middle, newest]);
      expect(calls[0]).toMatchObject({ to: failing, channel: 'email' });

      const failed = await row(oldest);
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
      expect(failed.last_error).toBe('EENVELOPE: 550 5.1.1 <[recipient]>: mailbox unavailable');
      expect(await row(middle)).toMatchObject({ status: 'logged', attempts: 1 });
      expect(await row(newest)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(lines.join('\n')).not.toContain('hong@');
      expect(lines.map((line) => JSON.parse(line) as { msg: string }).map((line) => line.msg)).toContain(
        'notification not sent; will retry',
      );
    });

    it(`gives a message up after ${MAX_ATTEMPTS} failed attempts, and then leaves it alone`, async () => {
      const { sender, calls } = recordingSender((message) => message.to === 'hong@example.vn');
      const id = await queueCommitted(sender, receipt({ recipient: 'hong@example.vn' }));
      const service = serviceWith(sender);
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
        expect(await service.deliverPending()).toEqual({ sent: 0, logged: 0, failed: 1 });
        expect(await row(id)).toMatchObject({ status: 'pending', attempts: attempt });
      }
      expect(await service.deliverPending()).toEqual({ sent: 0, logged: 0, failed: 1 });
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, sent_at: null });
      expect(calls).toHaveLength(MAX_ATTEMPTS);
      expect(await service.deliverPending()).toEqual({ sent: 0, logged: 0, failed: 0 });
      expect(calls).toHaveLength(MAX_ATTEMPTS);
    });

    it('counts a recipient that cannot be decrypted as a failed attempt', async () => {
      const { sender, calls } = recordingSender();
      const id = await queueCommitted(sender, receipt());
      const otherKeys = createDataCipher([{ id: 'other', key: crypto.randomBytes(32) }]);
      const service = createNotificationService({
        db: db(),
        cipher: otherKeys,
        clock,
        logger: memoryLogger().logger,
        sender,
      });
      expect(await service.deliverPending()).toEqual({ sent: 0, logged: 0, failed: 1 });
      expect(calls).toHaveLength(0);
      expect(await row(id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        last_error: 'No data key test to decrypt this value',
      });
    });

    it('stops at the limit, and the job sends the message it names first', async () => {
      const { sender, calls } = recordingSender();
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        clock.advance(1000);
        ids.push(await queueCommitted(sender, receipt()));
      }
      const service = serviceWith(sender);
      expect(await service.deliverPending(1)).toEqual({ sent: 1, logged: 0, failed: 0 });
      expect(calls.map((call) => call.id)).toEqual([ids[0]]);
      await notificationJobHandler(service)({ id: ids[2] }, { id: 'job-1', name: 'notifications.deliver' });
      expect(calls.map((call) => call.id)).toEqual([ids[0], ids[2], ids[1]]);
      expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    });

    it('sends each message once when two workers deliver at the same time', async () => {
      const sent: string[] = [];
      const slow: Sender = {
        name: 'slow',
        async send(message) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          sent.push(message.id);
          return 'sent';
        },
      };
      const ids: string[] = [];
      for (let i = 0; i < 8; i += 1) ids.push(await queueCommitted(slow, receipt()));
      const [a, b] = await Promise.all([
        serviceWith(slow).deliverPending(),
        serviceWith(slow).deliverPending(),
      ]);
      expect(a.sent + b.sent).toBe(8);
      // Both took part: neither waited for the other to finish.
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      expect([...sent].sort()).toEqual([...ids].sort());
      expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    });

    // PGlite has one session: a second transaction holding a lock cannot exist beside the worker there.
    it.skipIf(target.name !== 'postgres')(
      'passes over a message another worker is sending instead of waiting for it',
      async () => {
        const { sender, calls } = recordingSender();
        const ids: string[] = [];
        for (let i = 0; i < 3; i += 1) {
          clock.advance(1000);
          ids.push(await queueCommitted(sender, receipt()));
        }
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let taken!: () => void;
        const lockTaken = new Promise<void>((resolve) => (taken = resolve));
        const otherWorker = db()
          .transaction()
          .execute(async (trx) => {
            await trx
              .selectFrom('notification_outbox')
              .select('id')
              .where('id', '=', ids[0]!)
              .forUpdate()
              .execute();
            taken();
            await released;
          });
        await lockTaken;
        try {
          const counts = await Promise.race([
            serviceWith(sender).deliverPending(),
            new Promise<never>((_resolve, reject) =>
              setTimeout(() => reject(new Error('the worker waited for the locked message')), 5000),
            ),
          ]);
          expect(counts).toEqual({ sent: 2, logged: 0, failed: 0 });
          expect(calls.map((call) => call.id)).toEqual([ids[1], ids[2]]);
        } finally {
          release();
          await otherWorker;
        }
        expect(await row(ids[0]!)).toMatchObject({ status: 'pending', attempts: 0 });
      },
    );

    it('delivers an e-mail through SMTP end to end, and hands the text message to the log', async () => {
      const smtp = await startSmtpServer();
      const { logger, lines } = memoryLogger();
      const sender = createSender({
        smtpUrl: smtp.url,
        smtpFrom: 'Khiên <khong-tra-loi@khien.example.vn>',
        logger,
      });
      try {
        const service = createNotificationService({
          db: db(),
          cipher,
          clock,
          logger,
          sender,
          siteUrl: 'https://khien.example.vn',
        });
        const status = {
          template: 'report.status_changed' as const,
          params: {
            trackingCode: 'TG-7Q2M9XKD',
            status: 'decided',
            decision: 'initiate_case',
            handlingUnit: 'Công an tỉnh Điện Biên',
            message: 'Vụ án đã được khởi tố; cơ quan điều tra sẽ liên hệ với bạn.',
          },
        };
        const [emailId, smsId] = await db()
          .transaction()
          .execute(async (trx) => [
            await service.queue(trx, receipt(status)),
            await service.queue(trx, receipt({ ...status, channel: 'sms', recipient: PHONE })),
          ]);
        expect(await service.deliverPending()).toEqual({ sent: 1, logged: 1, failed: 0 });

        expect(smtp.received).toHaveLength(1);
        const { to, mail } = smtp.received[0]!;
        expect(to).toEqual([EMAIL]);
        expect(mail.subject).toBe('Khiên: tố giác TG-7Q2M9XKD – Đã có quyết định');
        expect(mail.text).toBe((await row(emailId!)).body);
        expect(mail.text).toContain('Quyết định: Khởi tố vụ án');
        expect(mail.text).toContain('Vụ án đã được khởi tố; cơ quan điều tra sẽ liên hệ với bạn.');
        expect(mail.text).toContain('https://khien.example.vn/to-giac/theo-doi?ma=TG-7Q2M9XKD');
        expect(mail.text).not.toContain(EMAIL);
        expect(mail.messageId).toBe(`<${emailId}@khien.example.vn>`);
        expect(await row(emailId!)).toMatchObject({ status: 'sent', attempts: 1 });
        expect(await row(smsId!)).toMatchObject({ status: 'logged', attempts: 1 });
        expect(lines.join('\n')).not.toContain('345 678');
      } finally {
        sender.close?.();
        await smtp.close();
      }
    });
  });
}
