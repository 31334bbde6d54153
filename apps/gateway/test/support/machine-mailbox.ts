import type { RunningService } from '@chorus/service-kit';

/**
 * The outbox as the machine's operator reads it (SQL as the system role; embedded installs also drop a file per
 * message for `chorus mail`): how tests read a person's invitation or reset mail, since no other member may.
 */
export async function latestMailTo(gateway: RunningService, email: string): Promise<string> {
  const rows = await gateway.serviceDb.asSystem((tx) =>
    tx.query<{ body: string }>(
      `SELECT body FROM gateway.mail_outbox WHERE recipient = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [email.toLowerCase()],
    ),
  );
  if (rows[0] === undefined) {
    throw new Error(`no mail to ${email} in the outbox`);
  }
  return rows[0].body;
}

/** The one-time token of the newest invitation or reset link mailed to this address. */
export async function mailedToken(gateway: RunningService, email: string): Promise<string> {
  const body = await latestMailTo(gateway, email);
  return /#token=(chorus_r_[\w-]+)/.exec(body)![1]!;
}

/** Every message in the outbox, newest first, in the shape the outbox endpoint answers with. */
export async function machineOutbox(
  gateway: RunningService,
): Promise<{ id: string; to: string; subject: string; text: string }[]> {
  return gateway.serviceDb.asSystem((tx) =>
    tx.query<{ id: string; to: string; subject: string; text: string }>(
      `SELECT id, recipient AS "to", subject, body AS "text" FROM gateway.mail_outbox
        ORDER BY created_at DESC, id DESC`,
    ),
  );
}
