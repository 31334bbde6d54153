import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import { toMetrics } from '../src/insights/x-insights.js';
import { sampleMedia } from '../src/testing/index.js';
import { connectedX, type ConnectedX } from './support/connected-x.js';

describe('X reconciliation, threads and metrics', () => {
  let x: ConnectedX;
  beforeAll(async () => {
    x = await connectedX();
  });
  afterAll(() => x.close());

  it('finds a post with a link by its text although X rewrites URLs, and says unknown beyond 7 days', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const post = { text: 'Read this', link: { url: 'https://example.com/a' } };
    const published = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'l',
      fingerprint: 'l',
      post,
    });
    // What X would show back: the URL as a t.co link.
    const stored = x.setup.fake.state.posts.get(published.remoteId)!;
    x.setup.fake.state.posts.set(stored.id, { ...stored, text: 'Read this https://t.co/abc123' });
    const window = { from: started, to: new Date(Date.now() + 1000).toISOString() };
    expect(
      await x.connector.findPublished!(x.credentials, {
        idempotencyKey: 'l',
        fingerprint: 'l',
        post,
        window,
      }),
    ).toMatchObject({
      status: 'found',
      remoteId: published.remoteId,
    });
    const old = { from: new Date(Date.now() - 8 * 86_400_000).toISOString(), to: window.to };
    expect(
      (
        await x.connector.findPublished!(x.credentials, {
          idempotencyKey: 'l',
          fingerprint: 'l',
          post,
          window: old,
        })
      ).status,
    ).toBe('unknown');
  });

  it('finds a post whose URLs have no scheme: X shows them as t.co links too', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const post = { text: 'Visit example.com and www.example.org/a, or https://example.net/b.' };
    const published = await x.connector.publish!(x.credentials, {
      idempotencyKey: 's',
      fingerprint: 's',
      post,
    });
    // The fake, as X, shows no URL of the text back as written.
    const shown = (await x.setup.peer.view(published.remoteId))!.text;
    expect(shown).toMatch(
      /^Visit https:\/\/t\.co\/\S+ and https:\/\/t\.co\/\S+, or https:\/\/t\.co\/\S+\.$/u,
    );
    const window = { from: started, to: new Date(Date.now() + 1000).toISOString() };
    expect(
      await x.connector.findPublished!(x.credentials, {
        idempotencyKey: 's',
        fingerprint: 's',
        post,
        window,
      }),
    ).toMatchObject({ status: 'found', remoteId: published.remoteId });
    // Another text around the same URLs is still another post.
    expect(
      (
        await x.connector.findPublished!(x.credentials, {
          idempotencyKey: 's2',
          fingerprint: 's2',
          post: { text: 'See example.com and www.example.org/a, or https://example.net/b.' },
          window,
        })
      ).status,
    ).toBe('not-found');
  });

  it('answers unknown, not found, for a post without text when a textless post exists in the window', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const post = { text: '', media: [sampleMedia('image', 'image/png')] };
    await x.connector.publish!(x.credentials, { idempotencyKey: 'e', fingerprint: 'e', post });
    const window = { from: started, to: new Date(Date.now() + 1000).toISOString() };
    const found = await x.connector.findPublished!(x.credentials, {
      idempotencyKey: 'e',
      fingerprint: 'e',
      post,
      window,
    });
    expect(found.status).toBe('unknown');
  });

  it('publishes a thread with a first comment as a chain of replies; a failure mid-thread is ambiguous', async () => {
    const result = await x.connector.publish!(x.credentials, {
      idempotencyKey: 't',
      fingerprint: 't',
      post: {
        text: 'Thread 1',
        thread: [{ text: 'Thread 2' }, { text: 'Thread 3' }],
        firstComment: { text: 'First!' },
      },
    });
    expect(result.thread).toHaveLength(2);
    expect((await x.setup.peer.view(result.thread![1]!.remoteId))?.inReplyTo).toBe(
      result.thread![0]!.remoteId,
    );
    expect((await x.setup.peer.view(result.firstComment!.remoteId))?.inReplyTo).toBe(result.remoteId);

    // The second part is refused: the first exists, so the whole publish is ambiguous, not refused content.
    x.setup.fake.injectFault({ kind: 'rate-limited', retryAfterSeconds: 30 });
    const before = x.setup.fake.published().length;
    const first = await x.connector.publish!(x.credentials, {
      idempotencyKey: 't2',
      fingerprint: 't2',
      post: { text: 'Rate limited at once', thread: [{ text: 'never' }] },
    }).catch((caught: unknown) => caught);
    expect(classifyError(first).kind).toBe('rate-limited');
    expect(x.setup.fake.published().length).toBe(before);
    x.setup.fake.injectFault({ kind: 'rate-limited', retryAfterSeconds: 30, after: 1 });
    const partial = await x.connector.publish!(x.credentials, {
      idempotencyKey: 't3',
      fingerprint: 't3',
      post: { text: 'Half a thread', thread: [{ text: 'second half' }] },
    }).catch((caught: unknown) => caught);
    expect(classifyError(partial).kind).toBe('ambiguous');
    expect((partial as Error).message).toMatch(/1 post\(s\) of this publish already exist/u);
    // Reconciliation sees the first post but cannot vouch for the rest: a person looks, nothing is lost.
    const window = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() };
    const reconciled = await x.connector.findPublished!(x.credentials, {
      idempotencyKey: 't3',
      fingerprint: 't3',
      post: { text: 'Half a thread', thread: [{ text: 'second half' }] },
      window,
    });
    expect(reconciled).toMatchObject({ status: 'unknown' });
    expect(reconciled.status === 'unknown' && reconciled.reason).toContain('1 reply');
    const commented = await x.connector.findPublished!(x.credentials, {
      idempotencyKey: 't',
      fingerprint: 't',
      post: { text: 'Thread 1', firstComment: { text: 'First!' } },
      window,
    });
    expect(commented.status).toBe('unknown');
  });

  it('maps public_metrics to the SDK names: shares are reposts plus quotes', () => {
    expect(
      toMetrics({
        id: '1',
        text: '',
        public_metrics: {
          like_count: 3,
          reply_count: 2,
          retweet_count: 4,
          quote_count: 1,
          bookmark_count: 5,
          impression_count: 90,
        },
      }),
    ).toEqual({ likes: 3, comments: 2, shares: 5, saves: 5, impressions: 90 });
    expect(toMetrics({ id: '1', text: '', public_metrics: { like_count: 1 } })).toEqual({ likes: 1 });
  });

  it('leaves out posts X no longer has (partial success) and reads followers', async () => {
    const post = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'm',
      fingerprint: 'm',
      post: { text: 'Measured' },
    });
    const gone = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'g',
      fingerprint: 'g',
      post: { text: 'Gone' },
    });
    await x.connector.delete!(x.credentials, { remoteId: gone.remoteId });
    await x.connector.delete!(x.credentials, { remoteId: gone.remoteId }); // already gone: fine
    const metrics = await x.connector.insights!.post!(x.credentials, {
      remoteIds: [post.remoteId, gone.remoteId],
    });
    expect(metrics.map((item) => item.remoteId)).toEqual([post.remoteId]);
    const before = await x.connector.insights!.account!(x.credentials);
    await x.setup.peer.follow();
    expect((await x.connector.insights!.account!(x.credentials)).metrics.followers).toBe(
      (before.metrics.followers ?? 0) + 1,
    );
  });
});
