import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@chorus/contracts';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  MailOutboxReader,
  MailSender,
  OutboxMail,
  OutgoingMail,
} from '../../application/ports/mail-sender.port.js';
import { MailOutboxOrmEntity } from './mail-outbox.orm-entity.js';

/** Embedded mail: nothing leaves the machine; the agency's admins read it in the console's outbox. */
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

  async list(tenantId: string, limit: number): Promise<OutboxMail[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(MailOutboxOrmEntity, { order: { createdAt: 'DESC', id: 'DESC' }, take: limit }),
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      to: row.recipient,
      subject: row.subject,
      text: row.body,
      createdAt: new Date(row.createdAt),
    }));
  }
}
