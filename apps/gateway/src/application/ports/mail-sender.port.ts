export interface OutgoingMail {
  /** The agency the mail is about. */
  readonly tenantId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * Where the gateway's e-mail goes (ADR 0018): SMTP when CHORUS_SMTP_URL is set; otherwise the local outbox (the
 * database, and in embedded mode a file per message under the data directory, read with `chorus mail`).
 */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

export interface OutboxMail {
  readonly id: string;
  readonly tenantId: string;
  readonly to: string;
  readonly subject: string;
  /** Null when the reader is not the recipient: a reset link is for its recipient's eyes only. */
  readonly text: string | null;
  readonly createdAt: Date;
}

/** Who reads the outbox: their own mail in full; with an agency role, also others' mail without its body. */
export interface OutboxReader {
  readonly email: string;
  readonly agencyWide: boolean;
  /** Only a password credential reads text; an API token sees that mail went out, never a link in it. */
  readonly readsText: boolean;
}

export interface MailOutboxReader {
  /** Newest first. */
  list(tenantId: string, reader: OutboxReader, limit: number): Promise<OutboxMail[]>;
}

/** Where the configured mail goes; the host chooses (ADR 0018). */
export interface MailSettings {
  /** smtp:// or smtps:// URL with credentials (CHORUS_SMTP_URL): mail leaves the machine. */
  readonly smtpUrl?: string;
  /**
   * smtp:// without TLS (CHORUS_SMTP_ALLOW_PLAINTEXT): by default an smtp:// server must offer STARTTLS, or no
   * mail (and no password) is sent to it; this opt-out is for a relay on the same host or a test server.
   */
  readonly allowPlaintextSmtp?: boolean;
  /** The From: address (CHORUS_MAIL_FROM); default Chorus <no-reply@the SMTP host>. */
  readonly from?: string;
  /** Without SMTP: also write each message as a file here (embedded: <data dir>/mail), for `chorus mail`. */
  readonly fileDropDir?: string;
}
