import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type Connector, type Credentials, type PostInput } from '@chorus/connector-sdk';
import { sampleMedia } from '../src/testing/index.js';
import { connectedX, rawCall, type ConnectedX } from './support/connected-x.js';

// network-apis.md 5.8, bullets 1 to 3: create answers, weighted length and media rules, duplicates and summons.
describe('X publishing (fixture notes 5.8)', () => {
  let x: ConnectedX;
  let connector: Connector;
  let credentials: Credentials;
  let n = 0;
  const publish = (post: PostInput) => {
    n += 1;
    return connector.publish!(credentials, { idempotencyKey: `k${n}`, fingerprint: `f${n}`, post });
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error,
    );

  beforeAll(async () => {
    x = await connectedX();
    connector = x.connector;
    credentials = x.credentials;
  });
  afterAll(() => x.close());

  it('answers 201 with a 64-bit string id and edit_history_tweet_ids; the connector keeps the id exact', async () => {
    const created = await rawCall(`${x.setup.fake.url}/2/tweets`, {
      method: 'POST',
      token: credentials.accessToken,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Raw create' }),
    });
    expect(created.status).toBe(201);
    const data = created.json.data as { id: string; edit_history_tweet_ids: string[] };
    expect(typeof data.id).toBe('string');
    expect(BigInt(data.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(data.edit_history_tweet_ids).toEqual([data.id]);

    const result = await publish({ text: 'Exact id please' });
    const stored = x.setup.fake.published().at(-1)!;
    expect(result.remoteId).toBe(stored.id);
    expect(result.url).toBe(`https://x.com/chorusbrand/status/${stored.id}`);
  });

  it('counts text weighted as X does: 280 Latin characters pass, 141 CJK characters do not, a URL counts 23', async () => {
    expect(await connector.validate({ text: 'a'.repeat(280) })).toEqual([]);
    const cjk = await connector.validate({ text: '日'.repeat(141) });
    expect(cjk.map((issue) => issue.code)).toContain('text-too-long');
    const url = `https://example.com/${'p'.repeat(200)}`;
    expect(await connector.validate({ text: `${'a'.repeat(256)} ${url}` })).toEqual([]);
    // And the fake (a separate implementation) agrees at the boundary.
    const before = x.setup.fake.published().length;
    await publish({ text: '日'.repeat(140) });
    expect(x.setup.fake.published().length).toBe(before + 1);
  });

  it('refuses before any upload: 5 images, a GIF with a photo, two videos, a poll with media', async () => {
    const before = x.setup.fake.log.length;
    const image = sampleMedia('image', 'image/png');
    const cases: PostInput[] = [
      { text: 'five', media: [image, image, image, image, image] },
      { text: 'gif and photo', media: [sampleMedia('gif', 'image/gif'), image] },
      { text: 'two videos', media: [sampleMedia('video', 'video/mp4'), sampleMedia('video', 'video/mp4')] },
      { text: 'poll and media', media: [image], poll: { options: ['a', 'b'], durationSeconds: 3600 } },
      { text: 'too big', media: [{ ...image, sizeBytes: 6 * 1024 * 1024 }] },
      { text: 'long video', media: [{ ...sampleMedia('video', 'video/mp4'), durationSeconds: 141 }] },
    ];
    for (const post of cases) {
      const issues = await connector.validate(post);
      expect(issues.length, post.text).toBeGreaterThan(0);
      const error = await failure(publish(post));
      expect(classifyError(error).kind, post.text).toBe('invalid-content');
    }
    expect(x.setup.fake.log.length, 'no request reached X').toBe(before);
  });

  it('publishes 4 photos with alt text, and a poll', async () => {
    const image = sampleMedia('image', 'image/jpeg');
    const photos = await publish({
      text: 'Four photos',
      media: [1, 2, 3, 4].map((index) => ({ ...image, altText: `photo ${index}` })),
    });
    const seen = await x.setup.peer.view(photos.remoteId);
    expect(seen?.media.map((item) => item.altText)).toEqual(['photo 1', 'photo 2', 'photo 3', 'photo 4']);
    const poll = await publish({ text: 'Pick', poll: { options: ['a', 'b', 'c'], durationSeconds: 300 } });
    expect((await x.setup.peer.view(poll.remoteId))?.poll?.options).toEqual(['a', 'b', 'c']);
  });

  it('duplicate text gets 403 problem JSON, mapped to invalid-content and never to rate-limited', async () => {
    await publish({ text: 'Said once' });
    const raw = await rawCall(`${x.setup.fake.url}/2/tweets`, {
      method: 'POST',
      token: credentials.accessToken,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Said once' }),
    });
    expect(raw.status).toBe(403);
    expect(raw.json).toMatchObject({
      detail: 'You are not allowed to create a Tweet with duplicate content.',
    });
    const error = classifyError(await failure(publish({ text: 'Said once' })));
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toMatch(/identical to a recent post/u);
  });

  it('a reply the author did not summon is refused on self-serve access; a summoned one goes through', async () => {
    const other = await x.setup.peer.mention('hello'); // mentions the brand: summons it
    const unsummoned = await x.setup.peer.reply(other.remoteId, 'a post that does not mention the brand');
    const refused = classifyError(
      await failure(
        connector.inbox!.reply!(credentials, {
          to: {
            remoteId: unsummoned.remoteId,
            kind: 'mention',
            conversationId: other.remoteId,
            inReplyToRemoteId: other.remoteId,
            author: { remoteId: x.setup.other.id, handle: 'peeruser', displayName: null, url: null },
            text: '',
            createdAt: new Date().toISOString(),
            url: null,
          },
          text: 'Not invited',
          idempotencyKey: 'r1',
        }),
      ),
      'inbox.reply',
    );
    expect(refused.kind).toBe('invalid-content');
    expect(refused.message).toMatch(/mentioned this account/u);
    const answer = await connector.inbox!.reply!(credentials, {
      to: {
        remoteId: other.remoteId,
        kind: 'mention',
        conversationId: other.remoteId,
        inReplyToRemoteId: null,
        author: { remoteId: x.setup.other.id, handle: 'peeruser', displayName: null, url: null },
        text: '',
        createdAt: new Date().toISOString(),
        url: null,
      },
      text: 'Invited',
      idempotencyKey: 'r2',
    });
    expect((await x.setup.peer.view(answer.remoteId))?.inReplyTo).toBe(other.remoteId);
  });
});
