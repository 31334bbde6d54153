import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { uuidv7 } from '@chorus/contracts';
import type { MailSender, OutgoingMail } from '../../application/ports/mail-sender.port.js';

/**
 * The embedded install's mail as files, one per message, readable only by the account that runs Chorus:
 * someone locked out (the only admin who forgot the password) reads their reset link on the machine with
 * `chorus mail`, without a page they could not sign in to. Whoever can read these files can read the database
 * beside them anyway; nobody else sees them (ADR 0018).
 */
export class MailFileDrop implements MailSender {
  constructor(private readonly dir: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await chmod(this.dir, 0o700);
    const id = uuidv7();
    const message = [
      `Message-ID: <${id}@chorus.local>`,
      `Date: ${new Date().toUTCString()}`,
      `To: ${oneLine(mail.to)}`,
      `Subject: ${oneLine(mail.subject)}`,
      `X-Chorus-Agency: ${mail.tenantId}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      mail.text,
      '',
    ].join('\r\n');
    // UUIDv7 names sort by time.
    await writeFile(join(this.dir, `${id}.eml`), message, { mode: 0o600, flag: 'wx' });
  }
}

export interface DroppedMail {
  readonly file: string;
  readonly to: string;
  readonly subject: string;
  readonly date: string;
  readonly text: string;
}

/** The dropped messages, newest first, optionally only those to one address. */
export async function readDroppedMail(
  dir: string,
  options: { to?: string; limit: number },
): Promise<DroppedMail[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return [] as string[];
    }
    throw error;
  });
  const mail: DroppedMail[] = [];
  for (const name of names
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .reverse()) {
    const parsed = parseMessage(name, await readFile(join(dir, name), 'utf8'));
    if (options.to === undefined || parsed.to.toLowerCase() === options.to.trim().toLowerCase()) {
      mail.push(parsed);
    }
    if (mail.length >= options.limit) {
      break;
    }
  }
  return mail;
}

function parseMessage(file: string, raw: string): DroppedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).split('\r\n');
  const header = (name: string) =>
    head.find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}: `))?.slice(name.length + 2) ??
    '';
  return {
    file,
    to: header('To'),
    subject: header('Subject'),
    date: header('Date'),
    text: raw.slice(split + 4).replace(/\r\n$/, ''),
  };
}

/** A header never spans lines: a recipient or subject cannot inject another header. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
