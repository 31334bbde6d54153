import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnvelope,
  notificationRequestedV1,
  notificationRequestedV2,
  postFailedV1,
  postNeedsReviewV1,
  uuidv7,
} from '@chorus/contracts';
import { HttpClient } from './support/http-client.js';
import { machineOutbox } from './support/machine-mailbox.js';
import { startGatewayOnKafka, type GatewayOnKafka } from './support/gateway-on-kafka.js';
import { SseClient } from './support/sse-client.js';
import { signUpAndSignIn } from './support/sign-up.js';

// The notification centre on the real PostgreSQL and the real Kafka broker: events emitted by "another service"
// reach the people responsible in the console (live, over a real SSE connection), by e-mail and on the agency's
// signed webhook, within the 60 s target, once per event; preferences, read state and bad input.

const PASSWORD = 'correct horse battery';
const TARGET_MS = 60_000;
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

interface Person {
  token: string;
  userId: string;
  email: string;
}

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A webhook receiver as an integrator would write it: verifies the signature from the documentation. */
function verifies(secret: string, received: Received): boolean {
  const header = String(received.headers['x-chorus-signature'] ?? '');
  const { t, v1 } = Object.fromEntries(header.split(',').map((kv) => kv.split('='))) as Record<
    string,
    string
  >;
  if (t === undefined || v1 === undefined || Math.abs(Date.now() / 1000 - Number(t)) > 300) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(`${t}.${received.body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('notification centre (PostgreSQL, Kafka, real HTTP)', () => {
  let g: GatewayOnKafka;
  let api: HttpClient;
  let agency: { agencyId: string; workspaceId: string };
  let admin: Person;
  let contentManager: Person;
  let designer: Person;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  /** The receiver fails the first delivery, to prove the retry. */
  const answers = [500];

  const invite = async (role: string): Promise<Person> => {
    const email = `${role}-${unique()}@example.test`;
    const invited = await api.call('POST', '/api/members', {
      token: admin.token,
      body: { email, name: `The ${role}`, roles: [role] },
    });
    expect(invited.status).toBe(201);
    const outbox = { body: { items: await machineOutbox(g.gateway) } };
    const mail = outbox.body.items.find((m) => m.to === email)!;
    // CHORUS_PUBLIC_URL (here https://chorus.example.test/) makes the invitation link absolute.
    expect(mail.text).toContain('https://chorus.example.test/accept-invitation#token=chorus_r_');
    const reset = /#token=(chorus_r_[\w-]+)/.exec(mail.text)![1]!;
    await api.call('POST', '/api/auth/password-reset/complete', {
      body: { token: reset, password: PASSWORD },
    });
    const signIn = await api.call('POST', '/api/auth/sign-in', { body: { email, password: PASSWORD } });
    return { token: signIn.body.token, userId: invited.body.memberId as string, email };
  };

  const meta = () => ({
    tenantId: agency.agencyId,
    workspaceId: agency.workspaceId,
    correlationId: uuidv7(),
  });

  const postFailed = (postId = uuidv7()) =>
    createEnvelope(postFailedV1, meta(), {
      postId,
      targetId: uuidv7(),
      channelId: uuidv7(),
      network: 'bluesky',
      attemptId: uuidv7(),
      attempts: 3,
      reason: {
        code: 'reauth-required',
        message: 'Bluesky no longer accepts the app password of @brand.',
        action: 'Reconnect the channel, then publish again.',
      },
    });

  const notifications = async (person: Person, query = '') => {
    const answer = await api.call('GET', `/api/notifications${query}`, { token: person.token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as unknown as {
      items: { id: string; kind: string; title: string; link: string; readAt: string | null }[];
      unreadCount: number;
      nextBefore: string | null;
    };
  };

  const eventually = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error('timed out');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = answers.shift() ?? 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address() as { port: number };
    receiverUrl = `http://127.0.0.1:${address.port}/chorus-hook`;

    g = await startGatewayOnKafka({
      allowLoopbackHttpWebhooks: true,
      pollIntervalMs: 500,
      retryDelaysMs: [500, 500],
    });
    api = new HttpClient(g.url);
    const email = `admin-${unique()}@example.test`;
    const signUp = await signUpAndSignIn(api, {
      body: { agencyName: 'Agency', workspaceName: 'Brand', name: 'Ada', email, password: PASSWORD },
    });
    agency = { agencyId: signUp.body.agencyId as string, workspaceId: signUp.body.workspaceId as string };
    admin = { token: signUp.body.token, userId: signUp.body.userId as string, email };
    contentManager = await invite('content-manager');
    designer = await invite('designer');
  }, 120_000);

  afterAll(async () => {
    await g?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  }, 60_000);

  it('brings a PostFailed event from the bus to the content manager live, by e-mail and by webhook, within 60 s', async () => {
    const hook = await api.call('POST', '/api/notification-webhooks', {
      token: admin.token,
      body: { url: receiverUrl, kinds: ['post-failed'], description: 'Ops channel' },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    expect(hook.body.secret).toMatch(/^whsec_/);

    const stream = await SseClient.open(`${g.url}/api/notifications/stream`, {
      authorization: `Bearer ${contentManager.token}`,
    });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    await stream.next((e) => e.event === 'unread', 5_000);

    const postId = uuidv7();
    const event = postFailed(postId);
    const emittedAt = performance.now();
    await g.emit(event);
    const live = await stream.next((e) => e.event === 'notification', TARGET_MS);
    const latencyMs = live.receivedAt - emittedAt;
    console.log(`PostFailed -> outbox -> Kafka -> gateway -> SSE: ${Math.round(latencyMs)} ms`);
    expect(latencyMs).toBeLessThan(TARGET_MS);
    expect(JSON.parse(live.data)).toMatchObject({
      kind: 'post-failed',
      title: 'A post failed on bluesky',
      link: `/content/posts/${postId}`,
      object: { type: 'post', id: postId },
      source: 'content',
      readAt: null,
    });
    stream.close();

    // The rule: content managers and admins of the workspace; the designer is not responsible.
    expect((await notifications(admin)).items.map((n) => n.kind)).toContain('post-failed');
    expect((await notifications(designer)).items).toEqual([]);

    const mail = await eventually(async () => {
      const outbox = { body: { items: await machineOutbox(g.gateway) } };
      return outbox.body.items.find(
        (m) => m.to === contentManager.email && m.subject.includes('post failed'),
      );
    });
    expect(mail.text).toContain('Reconnect the channel, then publish again.');
    expect(mail.text).toContain(`https://chorus.example.test/content/posts/${postId}`);

    // The webhook: refused once by the receiver (500), delivered on the retry, signed both times.
    const deliveries = await eventually(async () => {
      const answer = await api.call('GET', `/api/notification-webhooks/${hook.body.id}/deliveries`, {
        token: admin.token,
      });
      const items = answer.body.items as unknown as { status: string; log: { status: number }[] }[];
      return items[0]?.status === 'delivered' ? items : undefined;
    });
    expect(deliveries[0]!.log.map((a) => a.status)).toEqual([500, 204]);
    expect(received).toHaveLength(2);
    for (const delivery of received) {
      expect(verifies(hook.body.secret, delivery)).toBe(true);
      expect(verifies('whsec_wrong', delivery)).toBe(false);
    }
    const payload = JSON.parse(received[1]!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'notification',
      kind: 'post-failed',
      agencyId: agency.agencyId,
      workspaceId: agency.workspaceId,
      eventId: event.eventId,
      link: `https://chorus.example.test/content/posts/${postId}`,
    });
    expect((payload.recipientIds as string[]).sort()).toEqual([admin.userId, contentManager.userId].sort());
    expect(received[0]!.headers['x-chorus-delivery']).toBe(received[1]!.headers['x-chorus-delivery']);

    // The same event again (a redelivery): nobody is told twice.
    await g.emit(event);
    await g.emit(
      createEnvelope(notificationRequestedV1, meta(), {
        requestedBy: 'content',
        kind: 'marker',
        title: 'Marker',
        body: 'After the redelivery',
        link: null,
        object: null,
        recipients: { rule: 'members', memberIds: [contentManager.userId] },
      }),
    );
    await eventually(async () =>
      (await notifications(contentManager)).items.some((n) => n.kind === 'marker') ? true : undefined,
    );
    const mine = await notifications(contentManager);
    expect(mine.items.filter((n) => n.kind === 'post-failed')).toHaveLength(1);
  }, 120_000);

  it("follows each member's preferences per kind and channel", async () => {
    const set = await api.call('PUT', '/api/notifications/preferences', {
      token: contentManager.token,
      body: { items: [{ kind: 'post-needs-review', inApp: true, email: false }] },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const items = set.body.items as unknown as { kind: string; email: boolean; chosen: boolean }[];
    expect(items.find((p) => p.kind === 'post-needs-review')).toMatchObject({ email: false, chosen: true });
    expect(items.find((p) => p.kind === 'post-failed')).toMatchObject({ email: true, chosen: false });

    const postId = uuidv7();
    await g.emit(
      createEnvelope(postNeedsReviewV1, meta(), {
        postId,
        targetId: uuidv7(),
        channelId: uuidv7(),
        network: 'mastodon',
        attemptId: uuidv7(),
        attemptedAt: new Date().toISOString(),
        reason: {
          code: 'outcome-unknown',
          message: 'Mastodon did not answer in time.',
          action: 'Look for the post on the profile, then tell Chorus.',
        },
      }),
    );
    await eventually(async () =>
      (await notifications(contentManager)).items.some((n) => n.kind === 'post-needs-review')
        ? true
        : undefined,
    );
    const adminMail = await eventually(async () => {
      const outbox = { body: { items: await machineOutbox(g.gateway) } };
      return outbox.body.items.find(
        (m) => m.to === admin.email && m.text.includes('Mastodon did not answer'),
      );
    });
    expect(adminMail.subject).toBe('[Chorus] Check whether a post went out on mastodon');
    const outbox = { body: { items: await machineOutbox(g.gateway) } };
    expect(
      outbox.body.items.filter((m) => m.to === contentManager.email && m.text.includes('Mastodon')),
    ).toEqual([]);
  }, 60_000);

  it('lets other services notify named members through NotificationRequested', async () => {
    await g.emit(
      createEnvelope(notificationRequestedV1, meta(), {
        requestedBy: 'community',
        kind: 'conversation-assigned',
        title: 'A conversation was assigned to you',
        body: 'Reply within the hour.',
        link: '/community/inbox',
        object: { type: 'conversation', id: uuidv7() },
        recipients: { rule: 'members', memberIds: [designer.userId, uuidv7()] },
      }),
    );
    const found = await eventually(async () => (await notifications(designer)).items[0]);
    expect(found).toMatchObject({ kind: 'conversation-assigned', link: '/community/inbox' });
    expect((await notifications(designer)).items).toHaveLength(1);
  }, 60_000);

  it('mails an outside address (a client approver) and nothing else: no console row, no webhook', async () => {
    const hook = await api.call('POST', '/api/notification-webhooks', {
      token: admin.token,
      body: { url: receiverUrl, description: 'Every kind' },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    const client = `maria-${unique()}@client.example`;
    const before = (await notifications(admin)).items.length;
    await g.emit(
      createEnvelope(notificationRequestedV2, meta(), {
        requestedBy: 'content',
        kind: 'approval-link',
        title: 'A post awaits your approval',
        body: 'Open the link to read the post and approve or reject it.',
        link: '/api/content/approval-link?token=a1.claims.signature',
        object: { type: 'post', id: uuidv7() },
        recipients: { rule: 'addresses', addresses: [{ email: client, name: 'Maria' }] },
      }),
    );
    const mail = await eventually(async () => (await machineOutbox(g.gateway)).find((m) => m.to === client));
    expect(mail.subject).toBe('[Chorus] A post awaits your approval');
    expect(mail.text).toContain('Hello Maria,');
    expect(mail.text).toContain(
      'https://chorus.example.test/api/content/approval-link?token=a1.claims.signature',
    );
    // Give a webhook delivery the time it would take, then check none carried the link.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(received.filter((r) => r.body.includes('approval-link'))).toEqual([]);
    expect((await notifications(admin)).items).toHaveLength(before);
    await api.call('DELETE', `/api/notification-webhooks/${String(hook.body.id)}`, { token: admin.token });
  }, 60_000);

  it('marks read one by one and all at once, and counts the unread', async () => {
    const before = await notifications(contentManager);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const first = before.items[0]!;
    expect(
      (await api.call('POST', `/api/notifications/${first.id}/read`, { token: contentManager.token })).status,
    ).toBe(204);
    const count = await api.call('GET', '/api/notifications/unread-count', { token: contentManager.token });
    expect(count.body.unreadCount).toBe(before.unreadCount - 1);
    const unread = await notifications(contentManager, '?unread=true');
    expect(unread.items.map((n) => n.id)).not.toContain(first.id);
    // Another member's notification is not found, and stays unread for its owner.
    const adminsFirst = (await notifications(admin)).items[0]!;
    expect(
      (await api.call('POST', `/api/notifications/${adminsFirst.id}/read`, { token: contentManager.token }))
        .status,
    ).toBe(404);
    expect((await notifications(admin)).items[0]!.readAt).toBeNull();
    const all = await api.call('POST', '/api/notifications/read-all', { token: contentManager.token });
    expect(all.body.marked).toBe(before.unreadCount - 1);
    expect((await notifications(contentManager)).unreadCount).toBe(0);
  });

  it("sends a test notification through the member's own channels", async () => {
    const answer = await api.call('POST', '/api/notifications/test', { token: designer.token });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ emails: 1, webhooks: 0 });
    expect((await notifications(designer)).items[0]!.id).toBe(answer.body.id);
  });

  it('answers bad input with 4xx naming the field, and changes nothing', async () => {
    const insecure = await api.call('POST', '/api/notification-webhooks', {
      token: admin.token,
      body: { url: 'http://hooks.example.com/x' },
    });
    expect(insecure.status).toBe(400);
    expect(insecure.body.message).toBe('Invalid body: url: must use https');
    const badKind = await api.call('POST', '/api/notification-webhooks', {
      token: admin.token,
      body: { url: 'https://hooks.example.com/x', kinds: ['Post Failed'] },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.problems[0]!.field).toBe('kinds.0');
    const list = await api.call('GET', '/api/notification-webhooks', { token: admin.token });
    expect((list.body.items as unknown as unknown[]).length).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    expect(
      (
        await api.call('POST', '/api/notification-webhooks', {
          token: designer.token,
          body: { url: 'https://x.example' },
        })
      ).status,
    ).toBe(403);

    const badPreference = await api.call('PUT', '/api/notifications/preferences', {
      token: designer.token,
      body: { items: [{ kind: 'post-failed', inApp: 'yes', email: true }] },
    });
    expect(badPreference.status).toBe(400);
    expect(badPreference.body.problems[0]!.field).toBe('items.0.inApp');
    expect((await api.call('GET', '/api/notifications?limit=0', { token: designer.token })).status).toBe(400);
    expect(
      (await api.call('POST', '/api/notifications/not-a-uuid/read', { token: designer.token })).status,
    ).toBe(400);

    const notAStreamClient = await fetch(`${g.url}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${designer.token}` },
    });
    expect(notAStreamClient.status).toBe(400);
    expect(((await notAStreamClient.json()) as { message: string }).message).toContain('text/event-stream');
    const anonymous = await SseClient.open(`${g.url}/api/notifications/stream`, {});
    expect(anonymous.status).toBe(401);
  });

  it('removes an endpoint, and audits who added and removed it', async () => {
    const [hook] = (await api.call('GET', '/api/notification-webhooks', { token: admin.token })).body
      .items as unknown as { id: string }[];
    const path = `/api/notification-webhooks/${hook!.id}`;
    expect((await api.call('DELETE', path, { token: admin.token })).status).toBe(204);
    expect((await api.call('DELETE', path, { token: admin.token })).status).toBe(404);
    expect((await api.call('GET', `${path}/deliveries`, { token: admin.token })).status).toBe(404);
    const audit = await api.call('GET', `/api/audit-log?objectId=${hook!.id}`, { token: admin.token });
    expect(
      (audit.body.items as unknown as { action: string; actorId: string }[]).map((e) => [
        e.action,
        e.actorId,
      ]),
    ).toEqual([
      ['notification-webhook.removed', admin.userId],
      ['notification-webhook.added', admin.userId],
    ]);
  });

  it("opens the stream with the console's session cookie too", async () => {
    const session = await api.call('POST', '/api/auth/session', {
      body: { email: designer.email, password: PASSWORD },
    });
    expect(session.status).toBe(201);
    const cookie = [...api.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const stream = await SseClient.open(`${g.url}/api/notifications/stream`, { cookie });
    expect(stream.status).toBe(200);
    const unread = await stream.next((e) => e.event === 'unread', 5_000);
    expect(typeof (JSON.parse(unread.data) as { unreadCount: unknown }).unreadCount).toBe('number');
    const raised = await api.call('POST', '/api/notifications/test', { token: designer.token });
    const live = await stream.next((e) => e.event === 'notification', 10_000);
    expect(live.id).toBe(raised.body.id);
    stream.close();
    api.cookies.clear();
  });
});
