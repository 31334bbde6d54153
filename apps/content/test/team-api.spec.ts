import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type NotificationRequestedV1 } from '@chorus/contracts';
import { ContentTestService, type Caller } from './support/content-test-service.js';
import { channelConnected } from './support/content-fixtures.js';
import { imageFile } from './support/media-files.js';

// The creative team over HTTP on the real PostgreSQL and on PGlite: internal comments with @mentions and asset requests, with
// the notifications they raise through the outbox.

interface Refusal {
  message: string;
  problems?: { field: string; problem: string }[];
}
interface AssetRequest {
  id: string;
  status: string;
  revision: number;
  mediaIds: string[];
  dueOn: string;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(['postgres', 'pglite'] as const)('the creative team on %s', (kind) => {
  let s: ContentTestService;
  const writer: Caller = ContentTestService.newCaller(['content-manager']);
  const designer: Caller = { ...writer, userId: uuidv7(), roles: ['designer'] };
  const client: Caller = { ...writer, userId: uuidv7(), roles: ['client-approver'] };
  const otherAgency = ContentTestService.newCaller(['admin']);
  const sky = uuidv7();
  let postId: string;

  const notified = (kind: string) =>
    s.delivered
      .filter((e) => e.type === 'NotificationRequested')
      .map((e) => e.payload as NotificationRequestedV1)
      .filter((n) => n.kind === kind);
  const eventually = <T>(probe: () => T, ok: (v: T) => boolean) =>
    s.until(() => Promise.resolve(probe()), ok);

  beforeAll(async () => {
    s = await ContentTestService.start(kind);
    await s.publish(writer.tenantId, [channelConnected(writer, sky, 'bluesky', '@acme.bsky.social')]);
    await s.until(
      async () => (await s.call<{ items: unknown[] }>(writer, 'GET', '/channels')).body.items.length,
      (n) => n === 1,
    );
    const post = await s.call<{ id: string }>(writer, 'POST', '/posts', {
      text: 'Autumn blend',
      targets: [{ channelId: sky }],
    });
    postId = post.body.id;
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('stores a comment and notifies each member it mentions, once, but not its author', async () => {
    const body = `@${designer.userId} can you make the visual? cc @${client.userId} @${designer.userId} @${writer.userId}`;
    const created = await s.call<{ id: string; mentions: string[] }>(
      writer,
      'POST',
      `/posts/${postId}/comments`,
      {
        body,
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.mentions).toEqual([designer.userId, client.userId, writer.userId]);
    const [told] = await eventually(
      () => notified('mentioned-in-comment'),
      (n) => n.length === 1,
    );
    expect(told!.recipients).toEqual({ rule: 'members', memberIds: [designer.userId, client.userId] });
    expect(told!.link).toBe(`/content/posts/${postId}`);
    const reply = await s.call(designer, 'POST', `/posts/${postId}/comments`, { body: 'On it' });
    expect(reply.status).toBe(201);
    const list = await s.call<{ items: { body: string; authorId: string }[] }>(
      writer,
      'GET',
      `/posts/${postId}/comments`,
    );
    expect(list.body.items.map((c) => [c.authorId, c.body])).toEqual([
      [writer.userId, body],
      [designer.userId, 'On it'],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notified('mentioned-in-comment')).toHaveLength(1);
  });

  it('refuses an empty comment, a client approver commenting, an unknown post and another agency', async () => {
    const empty = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/comments`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('body');
    const tooMany = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/comments`, {
      body: Array.from({ length: 21 }, () => `@${uuidv7()}`).join(' '),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.problems?.[0]?.problem).toContain('at most 20');
    const approver = await s.call<Refusal>(client, 'POST', `/posts/${postId}/comments`, { body: 'Nice' });
    expect(approver.status).toBe(403);
    expect(approver.body.message).toContain('comment:write');
    expect((await s.call(writer, 'POST', `/posts/${uuidv7()}/comments`, { body: 'x' })).status).toBe(404);
    expect((await s.call(otherAgency, 'GET', `/posts/${postId}/comments`)).status).toBe(404);
    const list = await s.call<{ items: unknown[] }>(writer, 'GET', `/posts/${postId}/comments`);
    expect(list.body.items).toHaveLength(2);
  });

  let request: AssetRequest;

  it('opens an asset request for a designer and tells them; refuses a bad one naming the field', async () => {
    const brief = {
      kind: 'image',
      brief: '1080x1350, the autumn bag on oak',
      dueOn: day(3),
      assigneeId: designer.userId,
    };
    for (const [body, field] of [
      [{ ...brief, dueOn: day(-2) }, 'dueOn'],
      [{ ...brief, dueOn: '2026-13-01' }, 'dueOn'],
      [{ ...brief, kind: 'poem' }, 'kind'],
      [{ ...brief, brief: '' }, 'brief'],
      [{ ...brief, assigneeId: 'maria' }, 'assigneeId'],
    ] as const) {
      const r = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/asset-requests`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toContain(field);
    }
    const approver = await s.call(client, 'POST', `/posts/${postId}/asset-requests`, brief);
    expect(approver.status).toBe(403);
    expect((await s.call<{ items: unknown[] }>(writer, 'GET', '/asset-requests')).body.items).toEqual([]);
    const created = await s.call<AssetRequest>(writer, 'POST', `/posts/${postId}/asset-requests`, brief);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', revision: 1, dueOn: day(3), mediaIds: [] });
    request = created.body;
    const [told] = await eventually(
      () => notified('asset-request-open'),
      (n) => n.length === 1,
    );
    expect(told!.recipients).toEqual({ rule: 'members', memberIds: [designer.userId] });
    expect(told!.object).toEqual({ type: 'asset-request', id: request.id });
  });

  it('moves the request through its statuses, attaching the delivered media and telling the requester', async () => {
    const url = `/asset-requests/${request.id}/status`;
    const started = await s.call<AssetRequest>(designer, 'POST', url, { status: 'in-progress', revision: 1 });
    expect(started.body).toMatchObject({ status: 'in-progress', revision: 2 });
    const stale = await s.call<Refusal>(designer, 'POST', url, { status: 'cancelled', revision: 1 });
    expect(stale.status).toBe(409);
    const noMedia = await s.call<Refusal>(designer, 'POST', url, { status: 'delivered', revision: 2 });
    expect(noMedia.status).toBe(400);
    expect(noMedia.body.problems?.[0]?.field).toBe('mediaIds');
    // The designer uploads what they made (media:write), then delivers those files.
    const upload = async (who: Caller, width: number) => {
      const r = await s.send(who, 'POST', '/media?fileName=autumn.png', {
        bytes: await imageFile('png', width, 40),
        contentType: 'image/png',
      });
      expect(r.status, r.bytes.toString()).toBe(201);
      return (r.json() as { id: string }).id;
    };
    const media = [await upload(designer, 40), await upload(designer, 60)];
    const elsewhere = await upload(otherAgency, 40);
    for (const ids of [[media[0]!, uuidv7()], [elsewhere]]) {
      const unknown = await s.call<Refusal>(designer, 'POST', url, {
        status: 'delivered',
        mediaIds: ids,
        revision: 2,
      });
      expect(unknown.status, JSON.stringify(unknown.body)).toBe(400);
      expect(unknown.body.problems?.[0]?.field).toBe(`mediaIds.${ids.length - 1}`);
    }
    const before = (await s.call<{ revision: number }>(writer, 'GET', `/posts/${postId}`)).body;
    const delivered = await s.call<AssetRequest & { attachment: unknown }>(designer, 'POST', url, {
      status: 'delivered',
      mediaIds: media,
      revision: 2,
    });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'delivered', revision: 3, mediaIds: media });
    expect(delivered.body.attachment).toEqual({
      attached: true,
      postRevision: before.revision + 1,
      reason: null,
    });
    const post = await s.call<{ revision: number; media: { mediaId: string }[] }>(
      writer,
      'GET',
      `/posts/${postId}`,
    );
    expect(post.body.media.map((m) => m.mediaId)).toEqual(media);
    expect(post.body.revision).toBe(before.revision + 1);
    const final = await s.call<Refusal>(writer, 'POST', url, { status: 'cancelled', revision: 3 });
    expect(final.status).toBe(409);
    expect(final.body.message).toContain('cannot change any more');
    await eventually(
      () => notified('asset-request-delivered'),
      (n) => n.length === 1,
    );
    expect(notified('asset-request-in-progress')[0]!.recipients).toEqual({
      rule: 'members',
      memberIds: [writer.userId],
    });
    expect(notified('asset-request-delivered')[0]!.recipients).toEqual({
      rule: 'members',
      memberIds: [writer.userId],
    });
    const ofPost = await s.call<{ items: AssetRequest[] }>(writer, 'GET', `/asset-requests?postId=${postId}`);
    expect(ofPost.body.items.map((r) => r.mediaIds)).toEqual([media]);
  });

  it('lists requests by assignee and status, and tells the assignee of a cancellation', async () => {
    const other = await s.call<AssetRequest>(writer, 'POST', `/posts/${postId}/asset-requests`, {
      kind: 'video',
      brief: '15 s reel of the roaster',
      dueOn: day(1),
      assigneeId: designer.userId,
    });
    // Another content manager is neither the assignee nor the requester: refused, the request unchanged.
    const bystander: Caller = { ...writer, userId: uuidv7(), roles: ['content-manager'] };
    const notTheirs = await s.call<Refusal>(bystander, 'POST', `/asset-requests/${other.body.id}/status`, {
      status: 'cancelled',
      revision: 1,
    });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.message).toContain('assignee');
    const cancelled = await s.call<AssetRequest>(writer, 'POST', `/asset-requests/${other.body.id}/status`, {
      status: 'cancelled',
      revision: 1,
    });
    expect(cancelled.body.status).toBe('cancelled');
    await eventually(
      () => notified('asset-request-cancelled'),
      (n) => n.length === 1,
    );
    const mine = await s.call<{ items: AssetRequest[] }>(
      designer,
      'GET',
      `/asset-requests?assigneeId=${designer.userId}`,
    );
    expect(mine.body.items.map((r) => r.dueOn)).toEqual([day(1), day(3)]);
    const open = await s.call<{ items: AssetRequest[] }>(designer, 'GET', '/asset-requests?status=delivered');
    expect(open.body.items.map((r) => r.id)).toEqual([request.id]);
    const bad = await s.call<Refusal>(designer, 'GET', '/asset-requests?status=done');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('status');
    expect(
      (
        await s.call(writer, 'POST', `/asset-requests/${uuidv7()}/status`, {
          status: 'cancelled',
          revision: 1,
        })
      ).status,
    ).toBe(404);
    expect((await s.call<{ items: unknown[] }>(otherAgency, 'GET', '/asset-requests')).body.items).toEqual(
      [],
    );
  });
});
