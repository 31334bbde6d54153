import type { OutgoingMail } from './mail-sender.port.js';

/** A message waiting in the durable queue, claimed by one sender for a while. */
export interface QueuedMail {
  readonly id: string;
  readonly mail: OutgoingMail;
  /** Failed attempts so far. */
  readonly attempts: number;
}

/**
 * Mail waiting to go out through SMTP, kept in PostgreSQL so that a restart (or a crash) does not lose it: a
 * gateway that starts sends what an earlier one left (ADR 0029). Several gateways share it: a message is
 * claimed for `leaseMs` before it is sent, so two instances do not send it together.
 */
export interface MailQueue {
  /** False when the queue already holds `capacity` messages (a flood); nothing was added then. */
  enqueue(mail: OutgoingMail, now: Date, capacity: number): Promise<boolean>;
  /** Up to `limit` messages due at `now`, claimed by `claimant` until `now + leaseMs`, oldest first. */
  claimDue(claimant: string, now: Date, limit: number, leaseMs: number): Promise<QueuedMail[]>;
  /** Sent (or given up): the message leaves the queue, and its text (maybe a reset link) with it. */
  remove(id: string): Promise<void>;
  /**
   * Failed again: tried anew at `at`, by whichever sender claims it then. Only while the claim is still
   * `claimant`'s: a sender whose lease ran out (another one has the message now) changes nothing.
   */
  retryAt(id: string, claimant: string, attempts: number, at: Date, error: string): Promise<void>;
  /** A sender stopping gives its claims back, so the next one need not wait for the lease to end. */
  releaseClaims(claimant: string): Promise<void>;
}
