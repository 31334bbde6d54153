import type { JsonLogger } from '@chorus/service-kit';
import type { MailSender, MailSettings } from '../../application/ports/mail-sender.port.js';
import type { MailOutboxTypeormRepository } from '../persistence/mail-outbox.typeorm-repository.js';
import { MailFileDrop } from './mail-file-drop.adapter.js';
import { OutboxMailSender } from './outbox-mail-sender.adapter.js';
import { SmtpMailSender } from './smtp-mail-sender.adapter.js';

/** SMTP when the host configured it; otherwise the database outbox, plus the file drop when it has one. */
export function mailSenderFor(
  outbox: MailOutboxTypeormRepository,
  logger: JsonLogger,
  settings: MailSettings | undefined,
): MailSender {
  if (settings?.smtpUrl !== undefined) {
    const url = new URL(settings.smtpUrl);
    // Host and port only: the URL carries the password.
    logger.write('info', 'mail goes out through SMTP', { host: url.hostname, port: url.port || 'default' });
    return new SmtpMailSender(settings.smtpUrl, settings.from, settings.allowPlaintextSmtp ?? false);
  }
  return new OutboxMailSender(
    settings?.fileDropDir === undefined ? [outbox] : [outbox, new MailFileDrop(settings.fileDropDir)],
  );
}
