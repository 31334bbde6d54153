import { classifyError } from '@chorus/connector-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectedLinkedin,
  failure,
  uniqueText,
  type ConnectedLinkedin,
} from './support/connected-linkedin.js';

let current: ConnectedLinkedin | undefined;
afterEach(async () => {
  await current?.setup.teardown?.();
  current = undefined;
});
const uploads = (linkedin: ConnectedLinkedin) =>
  linkedin.setup.fake.requests.filter((request) => /^\/(rest\/(images|videos)|upload\/)/u.test(request.path))
    .length;

describe('validation before any upload', () => {
  it('refuses a video too short, too wide, or a poll of 2 days, with no call to LinkedIn', async () => {
    const linkedin = (current = await connectedLinkedin());
    const video = linkedin.setup.media!.video!();
    const cases = [
      { post: { text: 'short', media: [{ ...video, durationSeconds: 2 }] }, code: 'video-too-short' },
      {
        post: { text: 'wide', media: [{ ...video, width: 2500, height: 1000 }] },
        code: 'aspect-ratio-out-of-range',
      },
      {
        post: { text: 'vote', poll: { options: ['a', 'b'], durationSeconds: 2 * 86_400 } },
        code: 'poll-duration-out-of-range',
      },
      {
        post: { text: 'mixed', media: [linkedin.setup.media!.image!(), linkedin.setup.media!.gif!()] },
        code: 'linkedin:multi-image-only',
      },
    ];
    for (const { post, code } of cases) {
      const issues = await linkedin.connector.validate(post);
      expect(issues.map((issue) => issue.code)).toContain(code);
      const error = await failure(
        linkedin.connector.publish!(linkedin.credentials, { idempotencyKey: code, fingerprint: code, post }),
      );
      expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    }
    expect(uploads(linkedin)).toBe(0);
    expect(linkedin.setup.fake.published()).toHaveLength(0);
  });

  it('a page cannot post to CONNECTIONS; refused before uploads', async () => {
    const linkedin = (current = await connectedLinkedin());
    const post = {
      text: 'only my network',
      media: [linkedin.setup.media!.image!()],
      settings: { visibility: 'CONNECTIONS' },
    };
    const error = await failure(
      linkedin.connector.publish!(linkedin.credentials, { idempotencyKey: 'c', fingerprint: 'c', post }),
    );
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect(uploads(linkedin)).toBe(0);
  });
});

describe('content kinds through the real steps', () => {
  it('several images make a multiImage post with their alt texts; reserved characters are escaped', async () => {
    const linkedin = (current = await connectedLinkedin());
    const image = linkedin.setup.media!.image!();
    const text = uniqueText('Three (3) images #launch @team [draft]');
    const result = await linkedin.connector.publish!(linkedin.credentials, {
      idempotencyKey: 'mi',
      fingerprint: 'mi',
      post: { text, media: [1, 2, 3].map((n) => ({ ...image, altText: `image ${n}` })) },
    });
    const seen = await linkedin.setup.peer.view(result.remoteId);
    expect(seen?.text).toBe(text); // nothing truncated by little-text
    expect(seen?.media.map((item) => item.altText)).toEqual(['image 1', 'image 2', 'image 3']);
  });

  it('a link becomes an article card with its title; a poll carries its question and duration', async () => {
    const linkedin = (current = await connectedLinkedin());
    const link = await linkedin.connector.publish!(linkedin.credentials, {
      idempotencyKey: 'l',
      fingerprint: 'l',
      post: {
        text: uniqueText('Read'),
        link: { url: 'https://example.com/a' },
        settings: { linkTitle: 'A title' },
      },
    });
    const linked = linkedin.setup.fake.published().find((item) => item.urn === link.remoteId)!;
    expect(linked.content).toEqual({ article: { source: 'https://example.com/a', title: 'A title' } });
    const poll = await linkedin.connector.publish!(linkedin.credentials, {
      idempotencyKey: 'p',
      fingerprint: 'p',
      post: {
        text: uniqueText('Which?'),
        poll: { options: ['a', 'b', 'c'], durationSeconds: 7 * 86_400 },
        settings: { pollQuestion: 'Pick one' },
      },
    });
    const polled = linkedin.setup.fake.published().find((item) => item.urn === poll.remoteId)!;
    expect(polled.content).toEqual({
      poll: {
        question: 'Pick one',
        options: [{ text: 'a' }, { text: 'b' }, { text: 'c' }],
        settings: { duration: 'SEVEN_DAYS' },
      },
    });
  });

  it('a member channel posts as urn:li:person; reconciliation without r_member_social answers unknown', async () => {
    const linkedin = (current = await connectedLinkedin());
    const member = await linkedin.connect(null);
    expect(member.accountId).toBe(linkedin.setup.admin.urn);
    expect((await linkedin.connector.auth.verify(member)).accountId).toBe(member.accountId);
    const input = {
      idempotencyKey: 'me',
      fingerprint: 'me',
      post: { text: uniqueText('As myself'), settings: { visibility: 'CONNECTIONS' } },
    };
    const result = await linkedin.connector.publish!(member, input);
    expect(linkedin.setup.fake.published().find((item) => item.urn === result.remoteId)).toMatchObject({
      author: member.accountId,
      visibility: 'CONNECTIONS',
    });
    const found = await linkedin.connector.findPublished!(member, {
      ...input,
      window: { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() },
    });
    expect(found.status).toBe('unknown');
    expect(found.status === 'unknown' && found.reason).toContain('r_member_social');
  });

  it('a member without a posting role on the page cannot connect it', async () => {
    const linkedin = (current = await connectedLinkedin());
    linkedin.setup.fake.grantRole(linkedin.setup.admin, linkedin.setup.page, 'ANALYST');
    const error = await failure(linkedin.connect());
    expect(classifyError(error, 'auth.exchange').kind).toBe('reauth-required');
    expect(error.message).toContain('posting role');
  });
});

describe('inbox', () => {
  it('pulls a comment and a mention once each, oldest first; a reply to a reply joins its thread', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { connector, credentials, setup } = linkedin;
    const start = await connector.inbox!.pull!(credentials, { cursor: null });
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'i',
      fingerprint: 'i',
      post: { text: uniqueText('Talk to me') },
    });
    const comment = await setup.peer.reply(post.remoteId, 'first comment');
    const mention = await setup.peer.mention('hello page');
    const page = await connector.inbox!.pull!(credentials, { cursor: start.cursor });
    expect(page.interactions.map((item) => [item.kind, item.remoteId])).toEqual([
      ['comment', comment.remoteId],
      ['mention', mention.remoteId],
    ]);
    expect(page.interactions[1]!.text).toBe('Chorus Test hello page');
    const again = await connector.inbox!.pull!(credentials, { cursor: page.cursor });
    expect(again.interactions).toEqual([]);
    const nested = await setup.peer.reply(comment.remoteId, 'a reply to the comment');
    const [reply] = (await connector.inbox!.pull!(credentials, { cursor: again.cursor })).interactions;
    expect(reply).toMatchObject({ remoteId: nested.remoteId, inReplyToRemoteId: comment.remoteId });
    const answer = await connector.inbox!.reply!(credentials, {
      to: reply!,
      text: 'thanks',
      idempotencyKey: 'r',
    });
    expect((await setup.peer.view(answer.remoteId))?.inReplyTo).toBe(comment.remoteId);
    await expect(connector.inbox!.pull!(credentials, { cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/u);
  });
});
