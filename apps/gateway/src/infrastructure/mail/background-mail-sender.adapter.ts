import type { OnApplicationShutdown } from '@nestjs/common';
import type { JsonLogger } from '@chorus/service-kit';
import type { MailSender, OutgoingMail } from '../../application/ports/mail-sender.port.js';

/** Waits between attempts through SMTP; after the last one the message is given up and logged. */
const RETRY_DELAYS_MS = [2_000, 15_000, 60_000];
/** A flood of requests cannot grow the queue without bound: beyond this, new mail is dropped and logged. */
const MAX_PENDING = 500;
/** At shutdown, mail still being delivered gets this long before it is abandoned. */
const SHUTDOWN_GRACE_MS = 3_000;

/**
 * Mail an answer must neither wait for nor depend on: the sign-up notice and the reset link, whose answers take
 * the same time whether the account exists (ADR 0017). Through SMTP a connection can take 10 s and fail, so the
 * message is queued in memory and sent in the background, retried a few times; a failure is logged, never
 * answered. A local outbox write is quick and is done in place, a failure logged. The queue is not durable: a
 * restart loses what is still queued, and the person asks again (ADR 0018).
 */
export class BackgroundMailSender implements MailSender, OnApplicationShutdown {
  private readonly pending = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly target: MailSender,
    private readonly logger: JsonLogger,
    private readonly inBackground: boolean,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.inBackground) {
      await this.deliver(mail, []);
      return;
    }
    if (this.closed || this.pending.size >= MAX_PENDING) {
      this.logger.write('error', 'mail dropped: the background queue is full or closing', {
        tenantId: mail.tenantId,
        subject: mail.subject,
      });
      return;
    }
    const delivery = this.deliver(mail, this.retryDelaysMs).finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  /** Mail still queued: for tests and the health of a shutdown. */
  get queued(): number {
    return this.pending.size;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.pending]), grace]);
  }

  private async deliver(mail: OutgoingMail, retryDelaysMs: readonly number[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.target.send(mail);
        return;
      } catch (error) {
        const delay = retryDelaysMs[attempt];
        if (delay === undefined || this.closed) {
          // Never the recipient or the text: the text may hold a reset link.
          this.logger.write('error', 'mail not sent', {
            tenantId: mail.tenantId,
            subject: mail.subject,
            attempts: attempt + 1,
            error: error instanceof Error ? error.message : String(error),
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }
}
