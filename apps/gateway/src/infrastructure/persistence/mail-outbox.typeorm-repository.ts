import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@chorus/contracts';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  MailOutboxReader,
  MailSender,
  OutboxMail,
  OutboxReader,
  OutgoingMail,
} from '../../application/ports/mail-sender.port.js';
import { MailOutboxOrmEntity } from './mail-outbox.orm-entity.js';

/**
 * Mail kept in the database when no SMTP server is configured. Each person reads the mail addressed to them;
 * an agency owner or admin also sees that others' mail was written (recipient, subject, time), never its body:
 * a reset or sign-in link in the wrong hands is an account takeover (ADR 0018).
 */
@Injectable()
export class MailOutboxTypeormRepository implements MailSender, MailOutboxReader {
  constructor(private readonly transactions: TenantTransactions) {}

  async send(mail: OutgoingMail): Promise<void> {
    await this.transactions.run(mail.tenantId, (tx) =>
      tx.manager.insert(MailOutboxOrmEntity, {
        id: uuidv7(),
        tenantId: mail.tenantId,
        recipient: mail.to,
        subject: mail.subject,
        body: mail.text,
        createdAt: new Date(),
      }),
    );
  }

  async list(tenantId: string, reader: OutboxReader, limit: number): Promise<OutboxMail[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(MailOutboxOrmEntity, {
        where: reader.agencyWide ? {} : { recipient: reader.email },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: limit,
      }),
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      to: row.recipient,
      subject: row.subject,
      text: reader.readsText && row.recipient === reader.email ? row.body : null,
      createdAt: new Date(row.createdAt),
    }));
  }
}
