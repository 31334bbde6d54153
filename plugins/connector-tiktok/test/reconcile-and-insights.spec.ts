import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyError,
  createConnectorContext,
  parseManifest,
  silentLogger,
  type PostInput,
} from '@chorus/connector-sdk';
import { tiktokConnector } from '../src/index.js';
import { samplePhoto, sampleVideo } from '../src/testing/index.js';
import { connectedTikTok, type ConnectedTikTok } from './support/connected-tiktok.js';

const windowFrom = (from: Date) => ({
  from: from.toISOString(),
  to: new Date(Date.now() + 1000).toISOString(),
});
const calls = (t: ConnectedTikTok, suffix: string) =>
  t.setup.fake.log.filter((entry) => entry.path.endsWith(suffix)).length;

/** The same connector in a process that just started: nothing journaled. */
async function restarted(t: ConnectedTikTok) {
  const parsed = parseManifest(tiktokConnector.manifest);
  return tiktokConnector.create(
    createConnectorContext({
      manifest: parsed.ok ? parsed.manifest : (undefined as never),
      config: t.setup.config,
      logger: silentLogger,
    }),
  );
}

// Issue #7 item 4: findPublished with the publish_id where there is one, recent videos where not.
describe('reconciliation', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it('asks the journaled publish_id first, without listing videos', async () => {
    t = await connectedTikTok();
    const started = new Date(Date.now() - 1000);
    const post = { text: 'Journaled', media: [sampleVideo()] };
    const published = await t.publish(post, 'journaled');
    const lists = calls(t, '/video/list/');
    const found = await t.connector.findPublished!(t.credentials, {
      idempotencyKey: 'journaled',
      fingerprint: 'journaled',
      post,
      window: windowFrom(started),
    });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId, url: published.url });
    expect(calls(t, '/video/list/')).toBe(lists);
  });

  it('after a restart, finds the post among recent videos by caption, paging past newer posts', async () => {
    t = await connectedTikTok();
    const started = new Date(Date.now() - 1000);
    const target: PostInput = { text: 'The one  to find', media: [samplePhoto()] };
    const published = await t.publish(target);
    for (let index = 0; index < 22; index += 1) {
      await t.publish({ text: `Newer ${index}`, media: [samplePhoto()] });
    }
    const fresh = await restarted(t);
    const input = { idempotencyKey: 'lost', fingerprint: 'lost', window: windowFrom(started) };
    const found = await fresh.findPublished!(t.credentials, {
      ...input,
      post: { ...target, text: 'The one to find ' },
    });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId });
    expect(
      await fresh.findPublished!(t.credentials, { ...input, post: { ...target, text: 'Not this' } }),
    ).toEqual({
      status: 'not-found',
    });
  });

  it('answers unknown when it cannot tell: too old, an inbox draft', async () => {
    t = await connectedTikTok();
    const old = await t.connector.findPublished!(t.credentials, {
      idempotencyKey: 'old',
      fingerprint: 'old',
      post: { text: 'Old', media: [samplePhoto()] },
      window: { from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date().toISOString() },
    });
    expect(old.status).toBe('unknown');
    const draft = await (
      await restarted(t)
    ).findPublished!(t.credentials, {
      idempotencyKey: 'draft',
      fingerprint: 'draft',
      post: { text: 'Draft', media: [sampleVideo()], settings: { mode: 'inbox' } },
      window: windowFrom(new Date(Date.now() - 60_000)),
    });
    expect(draft.status).toBe('unknown');
  });

  it('a publish TikTok is still processing is looked up again later (retriable), never not-found', async () => {
    t = await connectedTikTok(
      { processingPolls: 100, processingMs: 600_000 },
      { processingTimeoutSeconds: 20 },
    );
    const post = { text: 'Slow', media: [sampleVideo()] };
    expect(classifyError(await t.publishError(post, 'slow'), 'publish').kind).toBe('ambiguous');
    const slow = await t.connector.findPublished!(t.credentials, {
      idempotencyKey: 'slow',
      fingerprint: 'slow',
      post,
      window: windowFrom(new Date(Date.now() - 60_000)),
    }).then(
      () => undefined,
      (caught: unknown) => classifyError(caught, 'findPublished'),
    );
    expect(slow?.kind).toBe('retriable');
    expect(slow?.message).toContain('still processing');
  });

  it('a post without caption in the window cannot be told apart: unknown', async () => {
    t = await connectedTikTok();
    const started = new Date(Date.now() - 1000);
    await t.publish({ text: '', media: [samplePhoto()] });
    const found = await (
      await restarted(t)
    ).findPublished!(t.credentials, {
      idempotencyKey: 'blank',
      fingerprint: 'blank',
      post: { text: '', media: [samplePhoto()] },
      window: windowFrom(started),
    });
    expect(found.status).toBe('unknown');
  });
});

// Issue #7 item 6: Display API counters in the SDK vocabulary.
describe('insights', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it('post metrics: view_count, like_count, comment_count, share_count become views, likes, comments, shares', async () => {
    t = await connectedTikTok();
    const { remoteId } = await t.publish({ text: 'Measured', media: [sampleVideo()] });
    const peer = t.setup.peer;
    await peer.watch(remoteId);
    await peer.watch(remoteId);
    await peer.like(remoteId);
    await peer.reply(remoteId, 'Nice');
    await peer.repost(remoteId);
    const [metrics] = await t.connector.insights!.post!(t.credentials, { remoteIds: [remoteId] });
    expect(metrics).toMatchObject({ remoteId, metrics: { views: 2, likes: 1, comments: 1, shares: 1 } });
  });

  it('asks 20 ids at a time, leaves out posts TikTok no longer has and drafts that are no posts yet', async () => {
    t = await connectedTikTok();
    const ids: string[] = [];
    for (let index = 0; index < 21; index += 1) {
      ids.push((await t.publish({ text: `Batch ${index}`, media: [samplePhoto()] })).remoteId);
    }
    t.setup.fake.state.posts.delete(ids[3]!);
    const before = calls(t, '/video/query/');
    const metrics = await t.connector.insights!.post!(t.credentials, {
      remoteIds: [...ids, 'inbox:v_pub_url~v2.x'],
    });
    expect(calls(t, '/video/query/') - before).toBe(2);
    expect(metrics.map((item) => item.remoteId)).toEqual(ids.filter((_id, index) => index !== 3));
  });

  it('account metrics: followers and the likes the account received', async () => {
    t = await connectedTikTok();
    const { remoteId } = await t.publish({ text: 'Liked', media: [samplePhoto()] });
    await t.setup.peer.follow();
    await t.setup.peer.like(remoteId);
    const account = await t.connector.insights!.account!(t.credentials);
    expect(account.metrics).toEqual({ followers: 1, likes: 1 });
  });
});
