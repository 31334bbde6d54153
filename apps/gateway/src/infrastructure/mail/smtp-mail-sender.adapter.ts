import { createTransport, type Transporter } from 'nodemailer';
import type { MailSender, OutgoingMail } from '../../application/ports/mail-sender.port.js';

/**
 * Mail through an SMTP server (CHORUS_SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465). A failure
 * throws: the caller decides (a reset request still answers the same, the notification centre retries).
 */
export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(smtpUrl: string, from: string | undefined, allowPlaintext = false) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: url.port === '' ? (url.protocol === 'smtps:' ? 465 : 587) : Number(url.port),
      secure: url.protocol === 'smtps:',
      // smtp:// upgrades with STARTTLS or sends nothing: the password and reset links never cross in clear.
      requireTLS: url.protocol === 'smtp:' && !allowPlaintext,
      ...(url.username === ''
        ? {}
        : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    this.from = from ?? `Chorus <no-reply@${url.hostname}>`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'X-Chorus-Agency': mail.tenantId },
    });
  }

  close(): void {
    this.transport.close();
  }
}
