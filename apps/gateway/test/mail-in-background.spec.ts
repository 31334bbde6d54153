import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_SETTINGS } from '../src/index.js';
import { UNIFORM_ANSWER_MS } from '../src/domain/uniform-answer-time.value-object.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayWithChannels, type GatewayWithChannels } from './support/gateway-with-channels.js';
import { signUpAndSignIn } from './support/sign-up.js';

// ADR 0017: the answers of sign-up and of a reset request take the same time whether the account exists. With
// SMTP configured the mail must not be sent inside the request: an SMTP server that is slow to greet (nodemailer
// waits up to 10 s) or refuses would otherwise make the known e-mail's answer slower, or a 500.

const PASSWORD = 'correct horse battery';

describe('mail an answer must not wait for (SMTP slow or failing)', () => {
  // A raw TCP server standing for a broken SMTP server: silent (never greets) or refusing (554, then closes).
  let smtp: Server;
  let behaviour: 'silent' | 'refusing' = 'silent';
  let connections = 0;
  const sockets = new Set<Socket>();
  let host: GatewayWithChannels;
  let api: HttpClient;

  beforeAll(async () => {
    smtp = createServer((socket) => {
      connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      if (behaviour === 'refusing') {
        socket.end('554 5.3.2 not accepting mail\r\n');
      }
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.address() as { port: number }).port;
    host = await startGatewayWithChannels([], {
      providers: [{ provide: MAIL_SETTINGS, useValue: { smtpUrl: `smtp://127.0.0.1:${port}` } }],
    });
    api = new HttpClient(host.url);
  }, 60_000);

  afterAll(async () => {
    await host?.close();
    for (const socket of sockets) {
      socket.destroy();
    }
    await new Promise((resolve) => smtp.close(resolve));
  });

  const timed = async (path: string, body: unknown) => {
    const startedAt = performance.now();
    const answer = await api.call('POST', path, { body });
    return { ...answer, ms: performance.now() - startedAt };
  };
  const signUp = async (email: string) => {
    const body = { agencyName: 'Agency', workspaceName: 'Brand', name: 'Ada', email, password: PASSWORD };
    expect((await signUpAndSignIn(api, { body })).status).toBe(201);
    return body;
  };

  it.each(['silent', 'refusing'] as const)(
    'answers a known e-mail like an unknown one, in the same time, when SMTP is %s',
    async (mode) => {
      behaviour = mode;
      const email = `${mode}-${Date.now()}@example.test`;
      const body = await signUp(email);
      const before = connections;
      const known = await timed('/api/auth/password-reset', { email });
      const unknown = await timed('/api/auth/password-reset', { email: `nobody-${Date.now()}@example.test` });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      // Sent inside the request, a silent server held the answer for nodemailer's 10 s greeting timeout; the
      // margins are wide for a loaded machine and still far below that.
      expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(1_000);
      expect(known.ms).toBeLessThan(UNIFORM_ANSWER_MS + 2_000);
      // Sign-up with a taken address mails its owner: same answer, same time, as a new agency's.
      const taken = await timed('/api/auth/sign-up', body);
      expect(taken.status).toBe(202);
      expect(taken.ms).toBeLessThan(UNIFORM_ANSWER_MS + 2_000);
      // The mail was attempted, in the background.
      const deadline = Date.now() + 5_000;
      while (connections === before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(connections).toBeGreaterThan(before);
    },
    30_000,
  );

  it.each(['silent', 'refusing'] as const)(
    'answers an invitation at once, and the same, when SMTP is %s (the mail goes through the queue)',
    async (mode) => {
      behaviour = mode;
      const admin = await signUpAndSignIn(api, {
        body: {
          agencyName: 'Agency',
          workspaceName: 'Brand',
          name: 'Ada',
          email: `inviter-${mode}-${Date.now()}@example.test`,
          password: PASSWORD,
        },
      });
      expect(admin.status).toBe(201);
      const before = connections;
      const startedAt = performance.now();
      const invited = await api.call('POST', '/api/members', {
        token: admin.body.token,
        body: { email: `invitee-${mode}-${Date.now()}@example.test`, name: 'Bo', roles: ['analyst'] },
      });
      const ms = performance.now() - startedAt;
      // Sent inside the request, a silent server held the answer 10 s, a refusing one made it a 500.
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      expect(invited.body).toMatchObject({ newAccount: true });
      expect(ms).toBeLessThan(UNIFORM_ANSWER_MS + 2_000);
      const deadline = Date.now() + 5_000;
      while (connections === before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(connections).toBeGreaterThan(before);
    },
    30_000,
  );
});
