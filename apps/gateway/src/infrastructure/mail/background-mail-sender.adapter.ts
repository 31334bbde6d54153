import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { JsonLogger } from '@chorus/service-kit';
import type { MailQueue, QueuedMail } from '../../application/ports/mail-queue.port.js';
import type { MailSender, OutgoingMail } from '../../application/ports/mail-sender.port.js';

export interface BackgroundMailOptions {
  /** Waits after each failed attempt; after the last one the message is given up and logged. */
  readonly retryDelaysMs: readonly number[];
  /** How often the queue is looked at for mail that fell due (retries, or left by another instance). */
  readonly pollMs: number;
  /** How long a claimed message is this sender's; longer than an SMTP attempt can take (40 s). */
  readonly leaseMs: number;
  /** A flood of requests cannot grow the queue without bound: beyond this, new mail is dropped and logged. */
  readonly capacity: number;
}

/** About 20 minutes of retries in all: an SMTP server down for a while still gets the mail, well within a reset link's hour. */
export const DEFAULT_BACKGROUND_MAIL_OPTIONS: BackgroundMailOptions = {
  retryDelaysMs: [2_000, 15_000, 60_000, 5 * 60_000, 15 * 60_000],
  pollMs: 5_000,
  leaseMs: 2 * 60_000,
  capacity: 10_000,
};

/** Messages delivered at once: one SMTP attempt that hangs (a server slow to greet) must not hold the others. */
const CONCURRENCY = 10;
/** At shutdown, mail still being delivered gets this long; its claim is then given back to the queue. */
const SHUTDOWN_GRACE_MS = 3_000;

/**
 * Mail an answer must neither wait for nor depend on: the sign-up notice, the reset link and the invitation,
 * whose answers take the same time whatever the account (ADR 0017). Through SMTP a connection can take 10 s and
 * fail, so the request only adds the message to a queue in PostgreSQL (one insert) and this sender delivers it
 * afterwards, a few at a time, retried with growing waits; a failure is logged, never answered. The queue
 * survives a restart: at start, and every `pollMs`, whatever is due is sent, also what a stopped instance left
 * (ADR 0029). Without SMTP (`queue` null) the local outbox write is quick and done in place, a failure logged.
 */
export class BackgroundMailSender implements MailSender, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly claimant = randomUUID();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private claiming: Promise<void> | null = null;
  /** Asked to look at the queue again while a look was under way. */
  private again = false;
  /** The last look filled every free slot: more may be due as soon as a delivery ends. */
  private backlog = false;
  private closed = false;

  constructor(
    private readonly target: MailSender,
    private readonly queue: MailQueue | null,
    private readonly logger: JsonLogger,
    private readonly options: BackgroundMailOptions = DEFAULT_BACKGROUND_MAIL_OPTIONS,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (this.queue === null) {
      await this.target.send(mail).catch((error: unknown) => this.notSent(mail, 1, error));
      return;
    }
    if (!(await this.queue.enqueue(mail, new Date(), this.options.capacity))) {
      this.logger.write('error', 'mail dropped: the background queue is full', {
        tenantId: mail.tenantId,
        subject: mail.subject,
      });
      return;
    }
    this.kick();
  }

  onApplicationBootstrap(): void {
    if (this.queue === null) {
      return;
    }
    // What an earlier run left (stopped, crashed, or SMTP down then) goes out now that this one is up.
    this.kick();
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    if (this.queue === null) {
      return;
    }
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([this.claiming, ...this.inFlight]), grace]);
    // Whatever is still claimed goes back to the queue for the next instance (at worst sent twice, never lost).
    await this.queue.releaseClaims(this.claimant).catch(() => undefined);
  }

  /** Looks at the queue for due mail to fill the free slots, or asks the look under way for another one. */
  private kick(): void {
    if (this.closed) {
      return;
    }
    if (this.claiming !== null) {
      this.again = true;
      return;
    }
    this.claiming = this.claimDue()
      .catch((error: unknown) =>
        this.logger.write('error', 'mail queue pass failed', { error: messageOf(error) }),
      )
      .finally(() => {
        this.claiming = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async claimDue(): Promise<void> {
    const queue = this.queue!;
    this.again = false;
    const room = CONCURRENCY - this.inFlight.size;
    if (room <= 0) {
      this.backlog = true;
      return;
    }
    const due = await queue.claimDue(this.claimant, new Date(), room, this.options.leaseMs);
    this.backlog = due.length === room;
    for (const queued of due) {
      const delivery: Promise<void> = this.deliver(queue, queued)
        .catch((error: unknown) =>
          this.logger.write('error', 'mail queue update failed', { error: messageOf(error) }),
        )
        .finally(() => {
          this.inFlight.delete(delivery);
          if (this.backlog) {
            this.kick();
          }
        });
      this.inFlight.add(delivery);
    }
  }

  private async deliver(queue: MailQueue, { id, mail, attempts }: QueuedMail): Promise<void> {
    try {
      await this.target.send(mail);
    } catch (error) {
      const delay = this.options.retryDelaysMs[attempts];
      if (delay === undefined) {
        this.notSent(mail, attempts + 1, error);
        await queue.remove(id);
        return;
      }
      await queue.retryAt(id, this.claimant, attempts + 1, new Date(Date.now() + delay), messageOf(error));
      return;
    }
    await queue.remove(id);
  }

  private notSent(mail: OutgoingMail, attempts: number, error: unknown): void {
    // Never the recipient or the text: the text may hold a reset link.
    this.logger.write('error', 'mail not sent', {
      tenantId: mail.tenantId,
      subject: mail.subject,
      attempts,
      error: messageOf(error),
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
