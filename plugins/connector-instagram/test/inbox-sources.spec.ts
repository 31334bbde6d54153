import { afterEach, describe, expect, it } from 'vitest';
import {
  connectedInstagram,
  failure,
  photo,
  type ConnectedInstagram,
} from './support/connected-instagram.js';

// network-apis.md 3.3 (replies, mentions, webhooks, subscribed_apps), 1.5 (paging), 1.6 (per-account install).
let connected: ConnectedInstagram | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const publish = (text: string) =>
  connected!.connector.publish!(connected!.credentials, {
    idempotencyKey: text,
    fingerprint: text,
    post: { text, media: [photo()] },
  });

describe('Instagram mentions', () => {
  it('a mention whose timestamp is not a date-time is a classified error naming it, not a RangeError', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const commentId = '17900000000000001';
    setup.fake.injectFault({
      kind: 'body',
      status: 200,
      text: `{"mentioned_comment":{"id":"${commentId}","text":"@chorus.test hi","timestamp":"32/13/2024"}}`,
      match: { method: 'GET', path: `/${credentials.accountId}` },
    });
    const mention = {
      remoteId: commentId,
      kind: 'mention' as const,
      conversationId: '17900000000000002',
      inReplyToRemoteId: '17900000000000002',
      author: { remoteId: 'unknown', handle: 'instagram user', displayName: null, url: null },
      text: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      url: null,
      channelAccountId: credentials.accountId,
    };
    const refused = await connector.inbox!.webhook!.complete!(credentials, mention).then(
      () => undefined,
      (error: unknown) => error as { kind?: string; message?: string },
    );
    // An answer Meta should not give is a retriable, classified error naming the field (graph-client).
    expect(refused?.kind).toBe('retriable');
    expect(refused?.message).toMatch(/lacks or mistypes mentioned_comment\.timestamp/u);
  });

  it('a `mentions` delivery names ids only; complete() reads the caption or comment through mentioned_media / mentioned_comment', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const webhook = connector.inbox!.webhook!;
    const theirs = setup.fake.world.tag(setup.other, setup.account, '@chorus.test look at this');
    const inComment = setup.fake.world.mentionInComment(
      setup.other,
      setup.account,
      theirs,
      'what do you think?',
    );
    const parsed = webhook
      .parse((await setup.fake.flushWebhooks())!)
      .filter((item) => item.kind === 'mention');
    expect(parsed.map((item) => [item.remoteId, item.conversationId, item.inReplyToRemoteId])).toEqual([
      [theirs, theirs, null],
      [inComment, theirs, theirs],
    ]);
    const completed = await Promise.all(parsed.map((item) => webhook.complete!(credentials, item)));
    const permalink = `https://www.instagram.com/p/${setup.fake.state.media.get(theirs)!.shortcode}/`;
    expect(completed).toMatchObject([
      {
        remoteId: theirs,
        kind: 'mention',
        text: '@chorus.test look at this',
        author: { handle: 'peer.user' },
        url: permalink,
        channelAccountId: setup.account.id,
      },
      {
        remoteId: inComment,
        kind: 'mention',
        conversationId: theirs,
        text: '@chorus.test what do you think?',
        author: { remoteId: setup.other.id, handle: 'peer.user' },
        url: permalink,
        channelAccountId: setup.account.id,
      },
    ]);
    const lookups = setup.fake.instagramHost
      .requests()
      .filter(
        (entry) => entry.path === `/${credentials.accountId}` && entry.query.fields?.startsWith('mentioned_'),
      );
    expect(lookups.map((entry) => entry.query.fields?.split('{')[0])).toEqual([
      `mentioned_media.media_id(${theirs})`,
      `mentioned_comment.comment_id(${inComment})`,
    ]);
    // Already complete (a comment) comes back as it is, without a call.
    const comment = { ...completed[1]!, kind: 'comment' as const };
    expect(await webhook.complete!(credentials, comment)).toBe(comment);
  });

  it('answering a mention in a comment posts to /{user}/mentions with the media and the comment', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const theirs = setup.fake.world.tag(setup.other, setup.account, 'a photo of @chorus.test');
    const inComment = setup.fake.world.mentionInComment(setup.other, setup.account, theirs, 'hi');
    const [mention] = connector
      .inbox!.webhook!.parse((await setup.fake.flushWebhooks())!)
      .filter((item) => item.remoteId === inComment);
    const answer = await connector.inbox!.reply!(credentials, {
      to: await connector.inbox!.webhook!.complete!(credentials, mention!),
      text: 'thanks',
      idempotencyKey: 'm1',
    });
    expect(setup.fake.state.comments.get(answer.remoteId)).toMatchObject({
      mediaId: theirs,
      parentId: inComment,
      fromId: setup.account.id,
    });
  });
});

describe('Instagram inbox paging', () => {
  it('tags, conversations and messages are read past their first page, and the next pull stops at its cursor', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const tags = Array.from({ length: 60 }, (_v, index) =>
      setup.fake.world.tag(setup.other, setup.account, `tag ${index}`),
    );
    connected.advance(5000);
    const people = Array.from({ length: 30 }, (_v, index) => setup.fake.createAccount(`person.${index}`));
    for (const person of people) {
      setup.fake.world.message(person, setup.account, `hello from ${person.username}`);
    }
    const chatty = Array.from({ length: 60 }, (_v, index) =>
      setup.fake.world.message(setup.other, setup.account, `line ${index}`),
    );
    const first = await connector.inbox!.pull!(credentials, { cursor: null });
    const ids = new Set(first.interactions.map((item) => item.remoteId));
    expect(tags.every((id) => ids.has(id))).toBe(true);
    expect(chatty.every((id) => ids.has(id))).toBe(true);
    expect(first.interactions.filter((item) => item.kind === 'direct-message')).toHaveLength(90);
    const pagedTags = setup.fake.instagramHost
      .requests()
      .filter((entry) => entry.path === `/${credentials.accountId}/tags`);
    expect(pagedTags.length).toBeGreaterThan(1);
    expect(pagedTags.at(-1)?.query.after).toBeDefined();

    connected.advance(2000);
    const fresh = setup.fake.world.tag(setup.other, setup.account, 'the newest');
    const before = setup.fake.instagramHost.requests().length;
    const second = await connector.inbox!.pull!(credentials, { cursor: first.cursor });
    expect(second.interactions.map((item) => item.remoteId)).toEqual([fresh]);
    const tagReads = setup.fake.instagramHost
      .requests()
      .slice(before)
      .filter((entry) => entry.path === `/${credentials.accountId}/tags`);
    expect(tagReads).toHaveLength(1); // the first page already reaches what the cursor saw
  });

  it('a pulled comment links to its media permalink, and so does the answer to it', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('link me');
    const permalink = `https://www.instagram.com/p/${setup.fake.state.media.get(post.remoteId)!.shortcode}/`;
    const comment = setup.fake.world.comment(setup.other, post.remoteId, 'nice');
    const { interactions } = await connector.inbox!.pull!(credentials, { cursor: null });
    const pulled = interactions.find((item) => item.remoteId === comment)!;
    expect(pulled.url).toBe(permalink);
    const answer = await connector.inbox!.reply!(credentials, {
      to: pulled,
      text: 'thanks',
      idempotencyKey: 'r',
    });
    expect(answer.url).toBe(permalink);
    const bare = await connector.inbox!.reply!(credentials, {
      to: { ...pulled, url: null },
      text: 'thanks again',
      idempotencyKey: 'r2',
    });
    expect(bare.url).toBe(permalink);
  });
});

describe('Instagram webhook installation per account', () => {
  it('connecting installs the app on the account (Instagram Login /me, Facebook Login the Page); only then do deliveries come', async () => {
    connected = await connectedInstagram();
    const { setup } = connected;
    expect([...(setup.fake.state.subscriptions.get(setup.account.id) ?? [])].sort()).toEqual([
      'comments',
      'mentions',
      'messages',
    ]);
    const install = setup.fake.instagramHost
      .requests()
      .filter((entry) => entry.path === '/me/subscribed_apps');
    expect(install.map((entry) => [entry.method, entry.status])).toEqual([['POST', 200]]);

    const viaPage = await connectedInstagram({ login: 'facebook' });
    try {
      const page = viaPage.setup.account.pageId!;
      expect(
        viaPage.setup.fake.facebookHost
          .requests()
          .filter((entry) => entry.path === `/${page}/subscribed_apps`)
          .map((entry) => entry.status),
      ).toEqual([200]);
      const start = await viaPage.connector.auth.oauth2!.start({
        redirectUri: 'https://chorus.test/cb',
        state: 's',
        codeChallenge: 'x',
        params: { login: 'facebook' },
      });
      expect(new URL(start.url).searchParams.get('scope')?.split(',')).toContain('pages_manage_metadata');
      viaPage.setup.fake.state.subscriptions.clear();
      viaPage.setup.fake.world.message(viaPage.setup.other, viaPage.setup.account, 'anyone?');
      expect(await viaPage.setup.fake.flushWebhooks('facebook')).toBeNull();
    } finally {
      await viaPage.setup.teardown?.();
    }
  });

  it('{"success": false} from subscribed_apps fails the connection with a classified error', async () => {
    const error = await failure(
      connectedInstagram({
        faults: [
          {
            kind: 'body',
            status: 200,
            text: '{"success":false}',
            match: { method: 'POST', path: '/me/subscribed_apps' },
          },
        ],
      }),
    );
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('{"success": false}');
    expect(error.message).toContain('/me/subscribed_apps');
  });
});
