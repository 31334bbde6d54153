/** SQL names of the messaging tables in a service's schema. Services are named [a-z][a-z0-9_-]*. */
export interface MessagingTableNames {
  readonly outbox: string;
  readonly processedMessage: string;
  readonly deadLetter: string;
  /** LISTEN/NOTIFY channel the relay of this schema listens on. */
  readonly notifyChannel: string;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function messagingTableNames(schema: string): MessagingTableNames {
  const s = quoteIdent(schema);
  return {
    outbox: `${s}.outbox`,
    processedMessage: `${s}.processed_message`,
    deadLetter: `${s}.dead_letter`,
    notifyChannel: `chorus_outbox_${schema}`,
  };
}
