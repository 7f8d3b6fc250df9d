import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from './notifications.service.js';
import {
  createLogSender,
  createSender,
  createSmtpSender,
  type OutgoingMessage,
  type Sender,
} from './senders.js';

/** A pino logger writing JSON lines into an array, to read what a sender logged. */
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

interface Received {
  envelope: { from: string; to: string[] };
  raw: string;
  mail: ParsedMail;
}

/**
 * A real SMTP server on a free local port. It refuses any recipient at `refused.example.vn` the way mail
 * servers do, quoting the address back.
 */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback: the test server has no certificate a client would trust.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example.vn')) {
        const error = Object.assign(new Error(`<${address.address}>: Recipient address rejected`), {
          responseCode: 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw: raw.toString('utf8'),
              mail,
            });
            callback();
          })
          .catch(callback);
      });
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

const email: OutgoingMessage = {
  id: '0199a3f2-7c41-7d3e-9b1a-5f0c2d4e6a81',
  channel: 'email',
  to: 'nguoi.to.giac@example.vn',
  subject: 'Khiên: tố giác TG-7Q2M9XKD – Đã có quyết định',
  body: 'Tố giác của bạn đã chuyển sang giai đoạn: Đã có quyết định.\n\nQuyết định: Khởi tố vụ án\n',
};
const sms: OutgoingMessage = {
  id: '0199a3f2-7c41-7d3e-9b1a-5f0c2d4e6a82',
  channel: 'sms',
  to: '0912345678',
  subject: 'Khiên TG-7Q2M9XKD',
  body: 'Khiên: Đã tiếp nhận tố giác TG-7Q2M9XKD.',
};

describe('the log sender', () => {
  it('writes one line with the id and channel, never the address or the text', async () => {
    const { logger, lines } = memoryLogger();
    const sender = createLogSender(logger);
    expect(sender.name).toBe('log');
    expect(await sender.send(email)).toBe('logged');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ notificationId: email.id, channel: 'email', sender: 'log' });
    for (const secret of [email.to, 'nguoi.to.giac', email.subject, 'Khởi tố', 'TG-7Q2M9XKD'])
      expect(lines[0]).not.toContain(secret);
    expect(await sender.send(sms)).toBe('logged');
    expect(lines[1]).not.toContain('0912345678');
  });
});

describe('the SMTP sender', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const senders: Sender[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(() => {
    for (const sender of senders.splice(0)) sender.close?.();
    smtp.received.splice(0);
  });
  afterAll(async () => {
    await smtp?.close();
  });

  function smtpSender() {
    const { logger, lines } = memoryLogger();
    const sender = createSmtpSender({
      url: smtp.url,
      from: 'Khiên <khong-tra-loi@khien.example.vn>',
      fallback: createLogSender(logger),
    });
    senders.push(sender);
    return { sender, lines };
  }

  it('delivers an e-mail with Vietnamese subject and body intact, and the outbox id as Message-ID', async () => {
    const { sender, lines } = smtpSender();
    expect(sender.name).toBe('smtp');
    expect(await sender.send(email)).toBe('sent');
    expect(lines).toHaveLength(0);
    expect(smtp.received).toHaveLength(1);
    const { envelope, mail, raw } = smtp.received[0]!;
    expect(envelope).toEqual({ from: 'khong-tra-loi@khien.example.vn', to: ['nguoi.to.giac@example.vn'] });
    expect(mail.subject).toBe(email.subject);
    expect(mail.text).toBe(email.body);
    expect(mail.from?.value).toEqual([{ address: 'khong-tra-loi@khien.example.vn', name: 'Khiên' }]);
    expect(mail.messageId).toBe(`<${email.id}@khien.example.vn>`);
    expect(mail.headers.get('x-khien-notification')).toBe(email.id);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
  });

  it('hands text messages to the fallback, since there is no SMS gateway yet', async () => {
    const { sender, lines } = smtpSender();
    expect(await sender.send(sms)).toBe('logged');
    expect(smtp.received).toHaveLength(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ notificationId: sms.id, channel: 'sms' });
  });

  it('rejects when the server refuses the recipient, and the stored reason does not name the address', async () => {
    const { sender } = smtpSender();
    const refused = { ...email, to: 'khong.ton.tai@refused.example.vn' };
    const error: unknown = await sender.send(refused).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('khong.ton.tai@refused.example.vn');
    const reason = describeFailure(error, refused.to);
    expect(reason).toContain('550');
    expect(reason).not.toContain('khong.ton.tai');
    expect(reason).not.toContain('refused.example.vn');
    expect(smtp.received).toHaveLength(0);
  });

  it('rejects when no server answers', async () => {
    const closed = await startSmtpServer();
    await closed.close();
    const sender = createSmtpSender({
      url: closed.url,
      from: 'khong-tra-loi@khien.example.vn',
      fallback: createLogSender(memoryLogger().logger),
    });
    senders.push(sender);
    await expect(sender.send(email)).rejects.toThrow(/ECONNREFUSED|connect/i);
  });
});

describe('choosing a sender', () => {
  it('uses SMTP when a server is configured and the log otherwise', () => {
    const { logger } = memoryLogger();
    const smtp = createSender({ smtpUrl: 'smtp://127.0.0.1:2525', smtpFrom: 'x@khien.example.vn', logger });
    expect(smtp.name).toBe('smtp');
    smtp.close?.();
    expect(createSender({ smtpUrl: undefined, smtpFrom: 'x@khien.example.vn', logger }).name).toBe('log');
  });
});

describe('the reason of a failed attempt', () => {
  it('masks addresses and numbers in any spelling, keeps the error code, and stays short', () => {
    const error = Object.assign(
      new Error('Gateway refused +84 912 345 678 and Nguoi.To.Giac@Example.vn for 0912.345.678'),
      { code: 'EENVELOPE' },
    );
    const reason = describeFailure(error, 'Nguoi.To.Giac@Example.vn');
    expect(reason).toBe('EENVELOPE: Gateway refused [number] and [recipient] for [number]');
    expect(describeFailure(new Error('x'.repeat(1000)), 'a@b.vn').length).toBeLessThanOrEqual(300);
    expect(describeFailure('plain text thrown', '')).toBe('plain text thrown');
  });
});
