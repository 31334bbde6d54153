import { classifyError, type PostInput } from '@chorus/connector-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectedLinkedin,
  failure,
  uniqueText,
  type ConnectedLinkedin,
} from './support/connected-linkedin.js';

// 6.7: LinkedIn's DUPLICATE_POST compares the commentary only; a retry adopts the post only when it is ours.
let current: ConnectedLinkedin | undefined;
afterEach(async () => {
  await current?.setup.teardown?.();
  current = undefined;
});

const publish = (linkedin: ConnectedLinkedin, post: PostInput) =>
  linkedin.connector.publish!(linkedin.credentials, { idempotencyKey: 'k', fingerprint: 'f', post });

describe('a DUPLICATE_POST naming a different post', () => {
  it('is refused with the URN when the content differs: kind, media count, link, poll', async () => {
    const linkedin = (current = await connectedLinkedin());
    const image = linkedin.setup.media!.image!();
    const poll = { options: ['a', 'b'], durationSeconds: 86_400 };
    const cases: [PostInput, PostInput][] = [
      [{ text: 'kind' }, { text: 'kind', link: { url: 'https://example.com/a' } }],
      [
        { text: 'count', media: [image, image] },
        { text: 'count', media: [image, image, image] },
      ],
      [
        { text: 'link', link: { url: 'https://example.com/a' } },
        { text: 'link', link: { url: 'https://example.com/b' } },
      ],
      [
        { text: 'poll', poll },
        { text: 'poll', poll: { ...poll, options: ['a', 'c'] } },
      ],
    ];
    for (const [earlier, later] of cases) {
      const text = uniqueText(earlier.text);
      const first = await publish(linkedin, { ...earlier, text });
      const error = await failure(publish(linkedin, { ...later, text }));
      expect(classifyError(error, 'publish').kind).toBe('invalid-content');
      expect(error.message).toContain(first.remoteId);
      // The same content again is still adopted: it is what an earlier attempt created.
      expect((await publish(linkedin, { ...earlier, text })).remoteId).toBe(first.remoteId);
    }
    expect(linkedin.setup.fake.published()).toHaveLength(cases.length);
  });

  it('is refused when the existing post is older than an attempt of this publish could be', async () => {
    const linkedin = (current = await connectedLinkedin());
    const post = { text: uniqueText('Same words, next day') };
    const first = await publish(linkedin, post);
    linkedin.advance(25 * 3_600_000); // LinkedIn still calls it a duplicate (48 h), but it is yesterday's post
    const error = await failure(publish(linkedin, post));
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect(error.message).toContain(first.remoteId);
  });
});

describe('the first comment of an adopted post', () => {
  it('a comment whose answer was lost is adopted on retry, never posted twice', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { setup } = linkedin;
    const post = { text: uniqueText('With a first comment'), firstComment: { text: 'first!' } };
    setup.fake.injectFault({
      match: { method: 'POST', path: /^\/rest\/socialActions\/[^/]+\/comments$/u },
      kind: 'timeout-after-send',
    });
    const error = await failure(publish(linkedin, post));
    expect(classifyError(error, 'publish').kind).toBe('ambiguous');
    const retried = await publish(linkedin, post);
    const comments = setup.fake.state.comments.filter((item) => item.object === retried.remoteId);
    expect(comments).toHaveLength(1);
    expect(retried.firstComment?.remoteId).toBe(comments[0]!.urn);
    expect(setup.fake.published()).toHaveLength(1);
  });

  it('an adopted post without the comment gets it, once', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { setup } = linkedin;
    const text = uniqueText('Comment missing');
    const first = await publish(linkedin, { text });
    await setup.peer.reply(first.remoteId, 'first!'); // someone else's comment with the same text is not ours
    const retried = await publish(linkedin, { text, firstComment: { text: 'first!' } });
    expect(retried.remoteId).toBe(first.remoteId);
    const ours = setup.fake.state.comments.filter(
      (item) => item.object === first.remoteId && item.actor === linkedin.credentials.accountId,
    );
    expect(ours.map((item) => item.urn)).toEqual([retried.firstComment?.remoteId]);
  });
});

describe('reconciliation of a post with a first comment', () => {
  const window = () => ({
    from: new Date(Date.now() - 60_000).toISOString(),
    to: new Date(Date.now() + 1000).toISOString(),
  });

  it('is found only when the comment is there too; otherwise unknown, for a person to add it', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { setup, connector, credentials } = linkedin;
    const post = { text: uniqueText('Comment refused'), firstComment: { text: 'read me' } };
    setup.fake.injectFault({
      match: { method: 'POST', path: /^\/rest\/socialActions\/[^/]+\/comments$/u },
      kind: 'respond',
      status: 503,
      body: '{"status":503,"message":"Service Unavailable"}',
    });
    const error = await failure(publish(linkedin, post));
    expect(classifyError(error, 'publish').kind).toBe('ambiguous');
    const missing = await connector.findPublished!(credentials, {
      idempotencyKey: 'k',
      fingerprint: 'f',
      post,
      window: window(),
    });
    expect(missing.status).toBe('unknown');
    expect(missing.status === 'unknown' && missing.reason).toContain('first comment');

    const whole = { text: uniqueText('Comment posted'), firstComment: { text: 'read me' } };
    const published = await publish(linkedin, whole);
    const found = await connector.findPublished!(credentials, {
      idempotencyKey: 'k',
      fingerprint: 'f',
      post: whole,
      window: window(),
    });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId });
  });
});
