import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, type FindPublishedInput } from '@chorus/connector-sdk';
import { sampleMedia } from '../src/testing/index.js';
import { connectedReddit, failure, type ConnectedReddit } from './support/connected-reddit.js';

// Lookup-before-retry (network-apis.md 0.1, 12.6): a "not found" must be certain, or a retry posts twice.
let current: ConnectedReddit | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const lookup = (reddit: ConnectedReddit, post: FindPublishedInput['post'], from: Date) =>
  reddit.connector.findPublished!(reddit.credentials, {
    idempotencyKey: 'k',
    fingerprint: 'k',
    post: { ...post, settings: { ...reddit.setup.basePost!().settings, ...post.settings } },
    window: { from: from.toISOString(), to: new Date(Date.now() + 1000).toISOString() },
  });

describe('findPublished never answers not-found while it cannot be sure', () => {
  it('an image post whose submit timed out is not "not found" while Reddit may still process it', async () => {
    const reddit = (current = await connectedReddit({ processingReads: 3 }));
    const { fake } = reddit.setup;
    const image = { text: '', media: [sampleMedia('image', 'image/png')], settings: { title: 'Slow image' } };
    const from = new Date(Date.now() - 1000);
    fake.injectFault({ kind: 'timeout-after-send' });
    const error = classifyError(await failure(reddit.publish(image)), 'publish');
    expect(error.kind).toBe('ambiguous');
    // Still processing: not listed yet, and the lookup says so instead of letting the post go out again.
    const early = classifyError(await failure(lookup(reddit, image, from)), 'findPublished');
    expect(early.kind).toBe('retriable');
    expect(early.message).toContain('processing');
    await failure(lookup(reddit, image, from));
    const later = await lookup(reddit, image, from);
    expect(later).toMatchObject({ status: 'found' });
    expect(fake.published()).toHaveLength(1);
  });

  it('once the processing time has passed, an image post that is not listed is not found', async () => {
    const reddit = (current = await connectedReddit());
    const image = { text: '', media: [sampleMedia('image', 'image/png')], settings: { title: 'Never sent' } };
    const found = await lookup(reddit, image, new Date(Date.now() - 10 * 60_000));
    expect(found).toEqual({ status: 'not-found' });
  });

  it('a text post not listed is not found at once: only media waits for processing', async () => {
    const reddit = (current = await connectedReddit());
    const found = await lookup(reddit, { text: 'Never sent', settings: { title: 'Nope' } }, new Date());
    expect(found).toEqual({ status: 'not-found' });
  });
});

describe('publish reads before anything is uploaded or submitted', () => {
  it('a 503 on reading the subreddit is retriable, not an ambiguous publish: nothing was written', async () => {
    const reddit = (current = await connectedReddit());
    const { fake } = reddit.setup;
    fake.injectFault({ match: { method: 'GET', path: /^\/r\/[^/]+\/about$/u }, kind: 'server-error' });
    const error = classifyError(
      await failure(reddit.publish({ text: 'Hello', media: [sampleMedia('image', 'image/png')] })),
      'publish',
    );
    expect(error.kind).toBe('retriable');
    expect(fake.log.some((entry) => entry.path === '/api/media/asset.json')).toBe(false);
    expect(fake.published()).toHaveLength(0);
  });
});
