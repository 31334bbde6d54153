import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedHost } from '../src/embedded/start-embedded.js';

// The client approver's link through the gateway, with no account and no session: content mails the link to
// the workspace's client contact (NotificationRequested -> the gateway's mail), never to the writer who asks;
// the gateway passes /api/content/approval-link (and its decision, JSON from the same origin only) to the
// content service without an identity, and nothing else of /api/content. `chorus start` in one process: the
// in-process bus carries the request from content's outbox to the gateway's mail outbox.

describe('approval link through the gateway (embedded host, mailed to the client)', () => {
  let host: EmbeddedHost;
  let dataDir = '';
  let ownerToken = '';

  /** The newest mail to an address, as the machine's operator reads the outbox (no member may). */
  const mailTo = async (email: string): Promise<string | undefined> => {
    const rows = await host.gateway.serviceDb.asSystem((tx) =>
      tx.query<{ body: string }>(
        `SELECT body FROM gateway.mail_outbox WHERE recipient = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [email],
      ),
    );
    return rows[0]?.body;
  };

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) {
      headers.authorization = `Bearer ${options.token}`;
    }
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined
        ? {}
        : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
    };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chorus-approval-link-'));
    host = await startEmbedded({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      // CHORUS_PUBLIC_URL: the mailed link is absolute, as a client outside the agency needs it.
      publicUrl: 'https://chorus.example.test',
    });
    const email = `owner-${randomUUID()}@example.test`;
    const password = 'correct horse battery';
    const signUp = await call('POST', '/api/auth/sign-up', {
      body: { agencyName: 'Acme agency', workspaceName: 'Acme coffee', name: 'Olga Owner', email, password },
    });
    expect(signUp.status).toBe(202);
    const signIn = await call('POST', '/api/auth/sign-in', { body: { email, password } });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    ownerToken = signIn.body.token as string;
  }, 240_000);

  afterAll(async () => {
    await host?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets a client approver without an account read the post and decide once', async () => {
    const token = ownerToken;
    expect(
      (
        await call('PUT', '/api/content/approval-workflow', {
          token,
          body: { steps: [{ role: 'client-approver', mode: 'any' }] },
        })
      ).status,
    ).toBe(200);
    const post = await call('POST', '/api/content/posts', { token, body: { text: 'Autumn blend is back' } });
    expect(post.status).toBe(201);
    const postId = post.body.id as string;
    expect((await call('POST', `/api/content/posts/${postId}/approval`, { token })).status).toBe(200);
    const client = `maria-${randomUUID()}@client.example`;
    const contacts = await call('PUT', '/api/content/approval-contacts', {
      token,
      body: { items: [{ email: client, name: 'Maria, Acme marketing' }] },
    });
    expect(contacts.status, JSON.stringify(contacts.body)).toBe(200);
    const link = await call('POST', `/api/content/posts/${postId}/approval/links`, {
      token,
      body: { contactEmail: client },
    });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body).toMatchObject({ sentTo: client, step: 1 });
    expect(link.body).not.toHaveProperty('token');

    const deadline = Date.now() + 20_000;
    let mail = await mailTo(client);
    while (mail === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mail = await mailTo(client);
    }
    expect(mail, 'the link reaches the client contact by e-mail').toBeDefined();
    expect(mail).toContain('Hello Maria, Acme marketing,');
    // The mail links to the console's page, which reads the post through the API route below.
    const url = /(https:\/\/chorus\.example\.test\/approve\?token=([\w.-]+))/.exec(mail!)!;
    const linkToken = url[2]!;
    const path = `/api/content/approval-link?token=${linkToken}`;
    expect(JSON.stringify(link.body)).not.toContain(linkToken);

    const page = await call('GET', path, { headers: { cookie: 'chorus_session=forged' } });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body).toMatchObject({ postId, step: 1, content: { text: 'Autumn blend is back' } });

    const decision = { token: linkToken, decision: 'approved', comment: 'Go' };
    const crossSite = await call('POST', '/api/content/approval-link/decision', {
      body: decision,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const form = await call('POST', '/api/content/approval-link/decision', {
      body: `token=${linkToken}&decision=approved`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const decided = await call('POST', '/api/content/approval-link/decision', { body: decision });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toEqual({ status: 'approved', decision: 'approved' });
    const replay = await call('POST', '/api/content/approval-link/decision', { body: decision });
    expect(replay.status).toBe(410);
    expect(replay.body.message).toContain('already used');

    const approval = await call('GET', `/api/content/posts/${postId}/approval`, { token });
    expect(approval.body).toMatchObject({ approval: { status: 'approved' }, blockingReason: null });
  });

  it('keeps every other content route behind a session', async () => {
    expect((await call('GET', '/api/content/posts')).status).toBe(401);
    expect((await call('GET', '/api/content/approval-workflow')).status).toBe(401);
    const forged = await call('GET', '/api/content/approval-link?token=a1.e30.forged-signature');
    expect(forged.status).toBe(403);
    expect(forged.body.message).toContain('not valid');
  });
});
