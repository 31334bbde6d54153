import type { MailSender, OutgoingMail } from '../../application/ports/mail-sender.port.js';

/** Without SMTP: the database outbox, and a file per message when a drop directory is set (embedded). */
export class OutboxMailSender implements MailSender {
  constructor(private readonly targets: readonly MailSender[]) {}

  async send(mail: OutgoingMail): Promise<void> {
    for (const target of this.targets) {
      await target.send(mail);
    }
  }
}
