import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@chorus/contracts';
import { TenantTransactions } from '@chorus/service-kit';
import type { MailQueue, QueuedMail } from '../../application/ports/mail-queue.port.js';
import type { OutgoingMail } from '../../application/ports/mail-sender.port.js';

interface QueueRow {
  id: string;
  tenant_id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * The queue's rows are written in the sender's agency (row-level security) and worked by the background sender
 * as the system role, across agencies, like the other workers.
 */
@Injectable()
export class MailQueueTypeormRepository implements MailQueue {
  constructor(private readonly transactions: TenantTransactions) {}

  async enqueue(mail: OutgoingMail, now: Date, capacity: number): Promise<boolean> {
    // The capacity is checked across agencies (one statement), so the count runs as the system role.
    const added = await this.transactions.asSystem((tx) =>
      tx.query<{ id: string }>(
        `INSERT INTO gateway.mail_queue
           (id, tenant_id, recipient, subject, body, attempts, next_attempt_at, created_at)
         SELECT $1, $2, $3, $4, $5, 0, $6, $6
          WHERE (SELECT count(*) FROM gateway.mail_queue) < $7
         RETURNING id`,
        [uuidv7(), mail.tenantId, mail.to, mail.subject, mail.text, now, capacity],
      ),
    );
    return added.length > 0;
  }

  async claimDue(claimant: string, now: Date, limit: number, leaseMs: number): Promise<QueuedMail[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<QueueRow>(
        `UPDATE gateway.mail_queue q
            SET claimed_by = $1, claimed_until = $2::timestamptz + $4 * interval '1 millisecond'
          WHERE q.id IN (
            SELECT id FROM gateway.mail_queue
             WHERE next_attempt_at <= $2 AND (claimed_until IS NULL OR claimed_until < $2)
             ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING q.id, q.tenant_id, q.recipient, q.subject, q.body, q.attempts`,
        [claimant, now, limit, leaseMs],
      ),
    );
    return rows
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((row) => ({
        id: row.id,
        attempts: row.attempts,
        mail: { tenantId: row.tenant_id, to: row.recipient, subject: row.subject, text: row.body },
      }));
  }

  async remove(id: string): Promise<void> {
    await this.transactions.asSystem((tx) => tx.query(`DELETE FROM gateway.mail_queue WHERE id = $1`, [id]));
  }

  async retryAt(id: string, claimant: string, attempts: number, at: Date, error: string): Promise<void> {
    await this.transactions.asSystem((tx) =>
      tx.query(
        `UPDATE gateway.mail_queue
            SET attempts = $3, next_attempt_at = $4, last_error = $5, claimed_by = NULL, claimed_until = NULL
          WHERE id = $1 AND claimed_by = $2`,
        [id, claimant, attempts, at, error.slice(0, 500)],
      ),
    );
  }

  async releaseClaims(claimant: string): Promise<void> {
    await this.transactions.asSystem((tx) =>
      tx.query(
        `UPDATE gateway.mail_queue SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = $1`,
        [claimant],
      ),
    );
  }
}
