import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import { MAIL_SETTINGS, readDroppedMail } from '../src/index.js';
import { SmtpMailSender } from '../src/infrastructure/mail/smtp-mail-sender.adapter.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { signUpAndSignIn } from './support/sign-up.js';

// ADR 0018: with CHORUS_SMTP_URL the gateway's mail leaves through a real SMTP server (here smtp-server on
// loopback, with a password); without it, mail stays in the outbox and, embedded, in a file per message that
// `chorus mail` reads on the machine.

const PASSWORD = 'correct horse battery';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

async function signUp(api: HttpClient, email: string): Promise<void> {
  const answer = await signUpAndSignIn(api, {
    body: { agencyName: 'Agency', workspaceName: 'Brand', name: 'Ada', email, password: PASSWORD },
  });
  expect(answer.status).toBe(201);
}

/** nodemailer sends long text lines quoted-printable (soft breaks, =3D for '='). */
function quotedPrintableDecoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  withinMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('mail through SMTP (CHORUS_SMTP_URL)', () => {
  let smtp: SMTPServer;
  let host: GatewayWithChannels;
  const received: Received[] = [];
  const logins: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      // Loopback and no TLS in the test; the password still has to be right.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth(auth, _session, callback) {
        logins.push(auth.username ?? '');
        if (auth.username === 'chorus@example.test' && auth.password === 's3cret:pass') {
          callback(null, { user: auth.username });
        } else {
          callback(new Error('Invalid username or password'));
        }
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    host = await startGatewayWithChannels([], {
      providers: [
        {
          provide: MAIL_SETTINGS,
          useValue: {
            smtpUrl: `smtp://chorus%40example.test:s3cret%3Apass@127.0.0.1:${port}`,
            from: 'Chorus <chorus@example.test>',
            // The test server has no certificate: the explicit opt-out.
            allowPlaintextSmtp: true,
          },
        },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await host?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends a password reset to the SMTP server, logged in, and keeps no copy in the database', async () => {
    const api = new HttpClient(host.url);
    const email = `smtp-${Date.now()}@example.test`;
    await signUp(api, email);
    const reset = await api.call('POST', '/api/auth/password-reset', { body: { email } });
    expect(reset.status).toBe(202);
    const mail = await eventually(() => received.find((m) => m.to.includes(email)));
    expect(mail.from).toBe('chorus@example.test');
    expect(mail.raw).toMatch(/^Subject: .*password/im);
    expect(quotedPrintableDecoded(mail.raw)).toContain('#token=chorus_r_');
    expect(logins).toContain('chorus@example.test');
    expect(await host.sql(`SELECT 1 FROM gateway.mail_outbox WHERE recipient = $1`, [email])).toEqual([]);
    // Sent: it left the queue too, and the reset link with it.
    await eventually(async () =>
      (await host.sql(`SELECT 1 FROM gateway.mail_queue WHERE recipient = $1`, [email])).length === 0
        ? true
        : undefined,
    );
    // The SMTP password never reaches the logs.
    expect(host.logs.join('\n')).not.toContain('s3cret');
  });
});

describe('mail queued while SMTP is down survives a restart (ADR 0029)', () => {
  let database: TestDatabase;
  let smtp: SMTPServer;
  let smtpPort: number;
  const delivered: { to: string[]; raw: string }[] = [];
  const smtpSettings = (port: number) => ({
    provide: MAIL_SETTINGS,
    useValue: { smtpUrl: `smtp://127.0.0.1:${port}`, allowPlaintextSmtp: true },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as { port: number }).port;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await database?.drop();
  });

  it('sends after the restart the reset link that could not go out before it', async () => {
    // A port nobody listens on: the SMTP server is down while the reset is asked for.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const downPort = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));

    const first = await startGatewayWithChannels([], { database, providers: [smtpSettings(downPort)] });
    const email = `restart-${Date.now()}@example.test`;
    try {
      const api = new HttpClient(first.url);
      await signUp(api, email);
      expect((await api.call('POST', '/api/auth/password-reset', { body: { email } })).status).toBe(202);
      // Tried once and failed: it waits in the queue for its next attempt.
      await eventually(async () => {
        const [row] = await first.sql<{ attempts: number }>(
          `SELECT attempts FROM gateway.mail_queue WHERE recipient = $1`,
          [email],
        );
        return row !== undefined && row.attempts >= 1 ? row : undefined;
      });
    } finally {
      await first.close();
    }
    expect(delivered.flatMap((m) => m.to)).not.toContain(email);

    // The gateway comes back with the SMTP server up: the queued link goes out, once.
    const second = await startGatewayWithChannels([], { database, providers: [smtpSettings(smtpPort)] });
    try {
      const mail = await eventually(() => delivered.find((m) => m.to.includes(email)), 30_000);
      expect(quotedPrintableDecoded(mail.raw)).toContain('#token=chorus_r_');
      await eventually(async () =>
        (await second.sql(`SELECT 1 FROM gateway.mail_queue WHERE recipient = $1`, [email])).length === 0
          ? true
          : undefined,
      );
      expect(delivered.filter((m) => m.to.includes(email))).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 90_000);
});

describe('mail without SMTP: the outbox and the file drop read on the machine', () => {
  let host: GatewayWithChannels;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chorus-mail-'));
    host = await startGatewayWithChannels([], {
      providers: [{ provide: MAIL_SETTINGS, useValue: { fileDropDir: join(dir, 'mail') } }],
    });
  }, 60_000);

  afterAll(async () => {
    await host?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("lets the only admin, locked out, read their reset link from the data directory, for the owner's eyes only", async () => {
    const api = new HttpClient(host.url);
    const email = `locked-out-${Date.now()}@example.test`;
    await signUp(api, email);
    expect((await api.call('POST', '/api/auth/password-reset', { body: { email } })).status).toBe(202);
    const [mail] = await readDroppedMail(join(dir, 'mail'), { to: email.toUpperCase(), limit: 5 });
    expect(mail?.subject).toMatch(/password/i);
    expect(mail?.text).toContain('#token=chorus_r_');
    // Readable by the account running Chorus only.
    expect((await stat(join(dir, 'mail'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'mail', mail!.file))).mode & 0o777).toBe(0o600);
    // The link works: the locked-out admin is back in.
    const token = /#token=(chorus_r_[\w-]+)/.exec(mail!.text)![1]!;
    const done = await api.call('POST', '/api/auth/password-reset/complete', {
      body: { token, password: 'a brand new passphrase' },
    });
    expect(done.status).toBe(204);
    expect(
      (await api.call('POST', '/api/auth/sign-in', { body: { email, password: 'a brand new passphrase' } }))
        .status,
    ).toBe(200);
  });
});

describe('smtp:// requires TLS unless the installation opts out (CHORUS_SMTP_ALLOW_PLAINTEXT)', () => {
  let smtp: SMTPServer;
  let port: number;
  const delivered: string[] = [];

  beforeAll(async () => {
    // A server that offers no STARTTLS: the password and the text would cross in clear.
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          delivered.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const mail = (to: string) => ({ tenantId: 't', to, subject: 'Hello', text: 'a reset link' });

  it('refuses to send through a server without STARTTLS, and sends with the explicit opt-out', async () => {
    const strict = new SmtpMailSender(`smtp://user:pass@127.0.0.1:${port}`, undefined);
    await expect(strict.send(mail('strict@example.test'))).rejects.toThrow();
    strict.close();
    const relaxed = new SmtpMailSender(`smtp://user:pass@127.0.0.1:${port}`, undefined, true);
    await relaxed.send(mail('relaxed@example.test'));
    relaxed.close();
    expect(delivered).toEqual(['relaxed@example.test']);
  });
});
