export interface OutgoingMail {
  /** The agency the mail is about: the embedded outbox shows it to that agency's admins only. */
  readonly tenantId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * Where the gateway's e-mail goes. Embedded: a local outbox the console shows. An SMTP or provider adapter
 * implements the same port.
 */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

export interface OutboxMail extends OutgoingMail {
  readonly id: string;
  readonly createdAt: Date;
}

export interface MailOutboxReader {
  /** Newest first. */
  list(tenantId: string, limit: number): Promise<OutboxMail[]>;
}
