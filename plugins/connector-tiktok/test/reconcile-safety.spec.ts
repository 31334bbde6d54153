import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyError,
  createConnectorContext,
  parseManifest,
  silentLogger,
  type FindPublishedInput,
  type PostInput,
} from '@chorus/connector-sdk';
import { tiktokConnector } from '../src/index.js';
import { POST_INIT, sampleVideo } from '../src/testing/index.js';
import { connectedTikTok, type ConnectedTikTok } from './support/connected-tiktok.js';

const STATUS = { method: 'POST', path: /\/status\/fetch\/$/u } as const;

const lookup = (key: string, post: PostInput, from: Date): FindPublishedInput => ({
  idempotencyKey: key,
  fingerprint: key,
  post,
  window: { from: from.toISOString(), to: new Date(Date.now() + 1000).toISOString() },
});

// Issue #7 items 4 and 7: reconciliation never answers not-found while a post may exist (7.7, 0.1).
describe('reconciliation never invites a second post', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it("an earlier attempt's FAILED publish_id does not answer for a later attempt whose init went unanswered", async () => {
    t = await connectedTikTok();
    const post = { text: 'Second attempt', media: [sampleVideo()] };
    const from = new Date(Date.now() - 1000);
    t.setup.fake.failNextProcessing('video_pull_failed');
    expect(classifyError(await t.publishError(post, 'twice'), 'publish').kind).toBe('retriable');
    // The retry's init reaches TikTok, which creates the publish, but the answer never arrives.
    t.setup.fake.injectFault({ kind: 'timeout-after-send', match: POST_INIT });
    expect(classifyError(await t.publishError(post, 'twice'), 'publish').kind).toBe('ambiguous');
    const found = await t.connector.findPublished!(t.credentials, lookup('twice', post, from));
    expect(found).toMatchObject({ status: 'found', remoteId: t.setup.fake.published()[0]?.id });
  });

  it('an unanswered init whose post TikTok has not listed yet is looked up again later, never not-found', async () => {
    t = await connectedTikTok({ processingPolls: 1000, processingMs: 600_000 });
    const post = { text: 'Still downloading', media: [sampleVideo()] };
    const from = new Date(Date.now() - 1000);
    t.setup.fake.injectFault({ kind: 'timeout-after-send', match: POST_INIT });
    expect(classifyError(await t.publishError(post, 'slow-init'), 'publish').kind).toBe('ambiguous');
    const answer = await t.connector.findPublished!(t.credentials, lookup('slow-init', post, from)).then(
      (result) => result,
      (caught: unknown) => classifyError(caught, 'findPublished'),
    );
    expect(answer).toMatchObject({ kind: 'retriable' });
    expect((answer as Error).message).toContain('look again');
  });

  it('a complete publish whose post id TikTok does not show yet is never not-found', async () => {
    t = await connectedTikTok();
    const post = { text: 'In moderation', media: [sampleVideo()] };
    const from = new Date(Date.now() - 1000);
    const published = await t.publish(post, 'hidden');
    // As TikTok may answer later on: PUBLISH_COMPLETE without a public id, the video not listed (7.2).
    const job = [...t.setup.fake.state.jobs.values()].find((item) => item.postId === published.remoteId)!;
    job.visible = false;
    job.publicAt = undefined;
    t.setup.fake.state.posts.delete(published.remoteId);
    const answer = await t.connector.findPublished!(t.credentials, lookup('hidden', post, from)).then(
      (result) => result,
      (caught: unknown) => classifyError(caught, 'findPublished'),
    );
    expect(answer).toMatchObject({ kind: 'retriable' });
  });

  it('a 500 on a status read while polling is read again, not the end of the publish', async () => {
    t = await connectedTikTok({ processingPolls: 2, processingMs: 600_000 });
    t.setup.fake.injectFault({ kind: 'server-error', match: STATUS });
    const result = await t.publish({ text: 'Polled through a 500', media: [sampleVideo()] });
    expect(result.remoteId).toBe(t.setup.fake.published()[0]?.id);
  });

  it('a status that stays unreadable after the upload ends the publish ambiguous: the post may be live', async () => {
    t = await connectedTikTok();
    for (let index = 0; index < 6; index += 1) {
      t.setup.fake.injectFault({
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: '{"data":{"status":"SOMETHING_NEW"},"error":{"code":"ok"}}',
        applied: false,
        match: STATUS,
      });
    }
    const error = classifyError(
      await t.publishError({ text: 'Unreadable', media: [sampleVideo()] }),
      'publish',
    );
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('reconcile before retrying');
  });

  it('an init refused before it reached TikTok (connection refused) is retriable, and reconciles as not-found', async () => {
    t = await connectedTikTok();
    const parsed = parseManifest(tiktokConnector.manifest);
    const refusing: typeof fetch = (input, init) =>
      /\/init\/$/u.test(new URL(input instanceof Request ? input.url : input).pathname)
        ? Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))
        : fetch(input, init);
    const connector = await tiktokConnector.create(
      createConnectorContext({
        manifest: parsed.ok ? parsed.manifest : (undefined as never),
        config: t.setup.config,
        logger: silentLogger,
        fetch: refusing,
      }),
    );
    const post = { text: 'Never sent', media: [sampleVideo()] };
    const from = new Date(Date.now() - 1000);
    const error = await connector.publish!(t.credentials, {
      idempotencyKey: 'refused',
      fingerprint: 'refused',
      post,
    }).then(
      () => undefined,
      (caught: unknown) => classifyError(caught, 'publish'),
    );
    expect(error?.kind).toBe('retriable');
    expect(await connector.findPublished!(t.credentials, lookup('refused', post, from))).toEqual({
      status: 'not-found',
    });
    expect(t.setup.fake.published()).toHaveLength(0);
  });

  it('a FAILED status with internal_error published nothing: retriable, not ambiguous', async () => {
    t = await connectedTikTok();
    t.setup.fake.failNextProcessing('internal_error');
    const error = classifyError(
      await t.publishError({ text: 'Failed inside', media: [sampleVideo()] }),
      'publish',
    );
    expect(error.kind).toBe('retriable');
  });
});
