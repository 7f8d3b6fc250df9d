import { CompletedTransfersBody, CompletedTransfer as TransferSchema } from '@khien/contracts';
import { AckPolicy, connect, nanos, type NatsConnection } from 'nats';
import { AppError } from '../../shared/app-error.js';
import type { ScreeningService } from './screening.service.js';

export interface CompletedFeedLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Where banks stream completed transfers: `<stream, lower case>.completed.<the bank's agency id>`. */
export const completedSubject = (stream: string, agencyId: string) =>
  `${stream.toLowerCase()}.completed.${agencyId}`;
const DURABLE = 'khien-screening';

/**
 * Completed transfers streamed by banks through NATS JetStream (issue 7), for banks that would rather
 * publish than call the API. Each message is one `CompletedTransfer` or `{ transfers: [...] }`, on the
 * subject naming the bank's agency; NATS permissions must let a bank publish on its own subject only. A
 * durable consumer shares the messages among the server processes and acknowledges each once stored; a
 * message that is not a transfer is acknowledged and logged (never retried), a failure to store is retried.
 */
export async function startCompletedFeed(deps: {
  url: string;
  stream: string;
  screening: Pick<ScreeningService, 'completedFor'>;
  logger: CompletedFeedLogger;
}): Promise<{ stop(): Promise<void> }> {
  const nc: NatsConnection = await connect({ servers: deps.url, name: 'khien-screening' });
  const jsm = await nc.jetstreamManager();
  try {
    await jsm.streams.info(deps.stream);
  } catch {
    await jsm.streams.add({
      name: deps.stream,
      subjects: [completedSubject(deps.stream, '*')],
      max_age: nanos(7 * 24 * 3_600_000),
    });
  }
  try {
    await jsm.consumers.info(deps.stream, DURABLE);
  } catch {
    await jsm.consumers.add(deps.stream, { durable_name: DURABLE, ack_policy: AckPolicy.Explicit });
  }
  const consumer = await nc.jetstream().consumers.get(deps.stream, DURABLE);
  const messages = await consumer.consume();
  const reading = (async () => {
    for await (const message of messages) {
      const agencyId = message.subject.split('.').at(-1) ?? '';
      let transfers;
      try {
        const json = JSON.parse(message.string()) as unknown;
        const one = TransferSchema.safeParse(json);
        transfers = one.success ? [one.data] : CompletedTransfersBody.parse(json).transfers;
      } catch {
        deps.logger.warn({ subject: message.subject, seq: message.seq }, 'not a completed transfer; dropped');
        message.ack();
        continue;
      }
      try {
        const result = await deps.screening.completedFor(agencyId, transfers);
        message.ack();
        if (result.flagged > 0)
          deps.logger.info({ agencyId, ...result }, 'completed transfers flagged accounts');
      } catch (error) {
        if (error instanceof AppError) {
          deps.logger.warn(
            { subject: message.subject, code: error.code },
            'completed transfers refused; dropped',
          );
          message.ack();
        } else {
          deps.logger.warn(
            { err: error, subject: message.subject },
            'completed transfers not stored; retried',
          );
          message.nak(5_000);
        }
      }
    }
  })().catch((error: unknown) => deps.logger.warn({ err: error }, 'NATS completed-transfer feed stopped'));
  return {
    async stop() {
      await messages.close();
      await reading;
      await nc.drain();
    },
  };
}
