import { afterEach, describe, expect, it } from 'vitest';
import { handshake } from '@chorus/meta-graph/testing';
import {
  connectedInstagram,
  failure,
  graph,
  photo,
  type ConnectedInstagram,
} from './support/connected-instagram.js';

// network-apis.md 3.7 (hosts and tokens, comments, insights), 1.7 (webhooks), against the fake.
let connected: ConnectedInstagram | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const publish = (text: string, settings?: Record<string, unknown>) =>
  connected!.connector.publish!(connected!.credentials, {
    idempotencyKey: text,
    fingerprint: text,
    post: { text, media: [photo()], settings },
  });

describe('Instagram hosts and tokens', () => {
  it('each host takes only its own tokens: Instagram Login on graph.instagram.com, Page tokens on graph.facebook.com', async () => {
    connected = await connectedInstagram();
    const { setup, credentials } = connected;
    expect(
      (await graph(setup.fake.instagramHost.url, '/me?fields=user_id', credentials.accessToken)).status,
    ).toBe(200);
    expect(
      (await graph(setup.fake.facebookHost.url, `/${credentials.accountId}`, credentials.accessToken)).body
        .error?.code,
    ).toBe(190);
    const viaFacebook = await connectedInstagram({ login: 'facebook' });
    try {
      expect(viaFacebook.credentials.extra).toMatchObject({
        login: 'facebook',
        pageId: viaFacebook.setup.account.pageId,
      });
      expect(viaFacebook.credentials.accountId).toBe(viaFacebook.setup.account.id);
      expect(
        (await graph(viaFacebook.setup.fake.instagramHost.url, '/me', viaFacebook.credentials.accessToken))
          .body.error?.code,
      ).toBe(190);
      expect((await viaFacebook.connector.auth.verify(viaFacebook.credentials)).handle).toBe('chorus.test');
    } finally {
      await viaFacebook.setup.teardown?.();
    }
  });

  it('refresh: the network refuses tokens under 24 h old; the connector keeps them, and renews older ones for 60 days', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const young = await fetch(
      `${setup.fake.instagramHost.url}/refresh_access_token?grant_type=ig_refresh_token&access_token=${credentials.accessToken}`,
    );
    expect(((await young.json()) as { error: { code: number; message: string } }).error.message).toMatch(
      /24 hours/,
    );
    expect(await connector.auth.refresh!(credentials)).toBe(credentials);
    connected.advance(25 * 3_600_000);
    // Two refreshes of one account at once share one call (the old token dies when the new one is issued).
    const [first, second] = await Promise.all([
      connector.auth.refresh!(credentials),
      connector.auth.refresh!(credentials),
    ]);
    expect(first).toBe(second);
    expect(first.accessToken).not.toBe(credentials.accessToken);
    expect(
      setup.fake.instagramHost
        .requests()
        .filter((entry) => entry.path === '/refresh_access_token' && entry.status === 200),
    ).toHaveLength(1);
    expect((await connector.auth.verify(first)).accountId).toBe(credentials.accountId);
  });

  it('an expired token is reauth-required, for the refresh too', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    setup.fake.expire(credentials.accessToken);
    expect((await failure(connector.auth.verify(credentials))).kind).toBe('reauth-required');
    expect(
      (
        await failure(
          connector.auth.refresh!({ ...credentials, expiresAt: new Date(Date.now() - 1000).toISOString() }),
        )
      ).kind,
    ).toBe('reauth-required');
  });
});

describe('Instagram comments against the fake', () => {
  it('hide toggles `hidden`; a hidden comment cannot be replied to; a private reply is allowed once', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('comment here');
    const commentId = setup.fake.world.comment(setup.other, post.remoteId, 'rude');
    const base = setup.fake.instagramHost.url;
    await connector.inbox!.hide!(credentials, { remoteId: commentId, hidden: true });
    expect((await graph(base, `/${commentId}`, credentials.accessToken)).body.hidden).toBe(true);
    const reply = await graph(base, `/${commentId}/replies`, credentials.accessToken, {
      method: 'POST',
      body: new URLSearchParams({ message: 'no' }),
    });
    expect(reply.body.error?.code).toBe(100);
    await connector.inbox!.hide!(credentials, { remoteId: commentId, hidden: false });
    expect((await graph(base, `/${commentId}`, credentials.accessToken)).body.hidden).toBe(false);
    const token = setup.fake.state.token(
      'ig-long',
      { accountId: credentials.accountId },
      ['instagram_business_manage_messages'],
      3_600_000,
    ).token;
    const privately = () =>
      graph(base, `/${credentials.accountId}/messages`, token, {
        method: 'POST',
        body: new URLSearchParams({
          recipient: JSON.stringify({ comment_id: commentId }),
          message: JSON.stringify({ text: 'hi' }),
        }),
      });
    expect((await privately()).status).toBe(200);
    expect((await privately()).body.error?.code).toBe(10900);
  });

  it('delete removes a comment on the account’s own media; on someone else’s media it is refused (code 200, reauth-required) and stays', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const base = setup.fake.instagramHost.url;
    const post = await publish('spam magnet');
    const spam = setup.fake.world.comment(setup.other, post.remoteId, 'buy followers');
    await connector.inbox!.delete!(credentials, { remoteId: spam });
    expect((await graph(base, `/${spam}`, credentials.accessToken)).body.error?.code).toBe(100);
    await connector.inbox!.delete!(credentials, { remoteId: spam });
    const theirs = setup.fake.world.tag(setup.other, setup.account, '@chorus.test look');
    const underTheirs = setup.fake.world.comment(setup.other, theirs, 'not yours to delete');
    const refused = await failure(connector.inbox!.delete!(credentials, { remoteId: underTheirs }));
    expect(refused.message).toContain('(#200)');
    // Codes 200-299 are "permission missing / revoked -> re-auth" (1.2); the reference names no object-level case.
    expect(refused.kind).toBe('reauth-required');
    expect(refused.message).toMatch(/Reconnect the account and grant a permission for this action/u);
    expect(refused.message).toMatch(/App Review/u);
    expect(setup.fake.state.liveComment(underTheirs)).toBeDefined();
  });

  it('the inbox pulls comments and mentions once; a reply to a reply goes under its top-level comment', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('talk to me');
    const top = setup.fake.world.comment(setup.other, post.remoteId, 'first');
    const nested = setup.fake.world.comment(setup.other, top, 'nested');
    setup.fake.world.tag(setup.other, setup.account, '@chorus.test look');
    const first = await connector.inbox!.pull!(credentials, { cursor: null });
    // The reply comes embedded with its comment (replies{...}, 1.5 and 3.3): no call per comment.
    expect(first.interactions.map((item) => [item.kind, item.remoteId, item.inReplyToRemoteId])).toEqual([
      ['comment', top, post.remoteId],
      ['comment', nested, top],
      ['mention', expect.any(String), null],
    ]);
    const requests = setup.fake.instagramHost.requests();
    expect(requests.filter((entry) => entry.path.endsWith('/replies'))).toEqual([]);
    expect(
      requests
        .filter((entry) => entry.path === `/${post.remoteId}/comments`)
        .map((entry) => entry.query.fields),
    ).toEqual([expect.stringMatching(/,replies\.limit\(50\)\{id,text/u)]);
    expect((await connector.inbox!.pull!(credentials, { cursor: first.cursor })).interactions).toEqual([]);
    expect(setup.fake.state.comments.get(nested)?.parentId).toBe(top);
  });

  it('a comment with more replies than one embedded page has the rest read from /{comment}/replies', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('busy thread');
    const top = setup.fake.world.comment(setup.other, post.remoteId, 'first');
    const replies = Array.from({ length: 52 }, (_, index) =>
      setup.fake.world.comment(setup.other, top, `reply ${index}`),
    );
    const { interactions } = await connector.inbox!.pull!(credentials, { cursor: null });
    const read = interactions.filter((item) => item.inReplyToRemoteId === top).map((item) => item.remoteId);
    expect(read.sort()).toEqual([...replies].sort());
    expect(
      setup.fake.instagramHost.requests().filter((entry) => entry.path === `/${top}/replies`),
    ).toHaveLength(1);
  });
});

describe('Instagram direct messages against the fake', () => {
  it('a message arrives by pull and by webhook; the answer must come within 24 hours (code 10 / 2018278 after)', async () => {
    connected = await connectedInstagram({ login: 'facebook' });
    const { connector, credentials, setup } = connected;
    setup.fake.world.message(setup.other, setup.account, 'are you open?');
    const delivery = (await setup.fake.flushWebhooks('facebook'))!;
    expect(connector.inbox!.webhook!.parse(delivery)).toMatchObject([
      { kind: 'direct-message', text: 'are you open?' },
    ]);
    const { interactions } = await connector.inbox!.pull!(credentials, { cursor: null });
    const message = interactions.find((item) => item.kind === 'direct-message')!;
    expect(message.author.handle).toBe('peer.user');
    expect(
      (await connector.inbox!.reply!(credentials, { to: message, text: 'yes', idempotencyKey: 'a' }))
        .remoteId,
    ).toMatch(/^aWdf/);
    setup.fake.advance(25 * 3_600_000);
    const late = await failure(
      connector.inbox!.reply!(credentials, { to: message, text: 'late', idempotencyKey: 'b' }),
    );
    expect(late.kind).toBe('invalid-content');
  });
});

describe('Instagram insights against the fake', () => {
  it('retired `impressions` is refused with code 100 naming the allowed values; the connector asks only for views', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('measured');
    const base = setup.fake.instagramHost.url;
    const retired = await graph(
      base,
      `/${post.remoteId}/insights?metric=impressions`,
      credentials.accessToken,
    );
    expect(retired.body.error).toMatchObject({ code: 100 });
    expect(retired.body.error?.message).toMatch(/must be one of the following values/);
    await setup.peer!.view(post.remoteId);
    const [metrics] = await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] });
    expect(metrics?.metrics).toMatchObject({
      views: 1,
      reach: 1,
      likes: 0,
      comments: 0,
      shares: 0,
      saves: 0,
    });
    // What the connector asked (after the test's own `impressions` call): one batch, current names only.
    const asked = setup.fake.instagramHost
      .requests()
      .filter((entry) => entry.path === `/${post.remoteId}/insights`)
      .map((entry) => entry.query.metric);
    expect(asked).toEqual(['impressions', 'views,reach,shares,saved']);
  });

  it('story metrics vanish after 24 h; follower_count errors under 100 followers while the count itself is read', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const story = await publish('story', { placement: 'story' });
    const base = setup.fake.instagramHost.url;
    expect(
      (await graph(base, `/${story.remoteId}/insights?metric=views,reach`, credentials.accessToken)).body
        .data,
    ).toHaveLength(2);
    setup.fake.advance(25 * 3_600_000);
    expect(
      (await graph(base, `/${story.remoteId}/insights?metric=views,reach`, credentials.accessToken)).body
        .data,
    ).toEqual([]);
    const few = await graph(
      base,
      `/${credentials.accountId}/insights?metric=follower_count&period=day`,
      credentials.accessToken,
    );
    expect(few.body.error?.code).toBe(100);
    setup.fake.world.follow(setup.account);
    expect((await connector.insights!.account!(credentials)).metrics.followers).toBe(1);
  });
});

describe('Instagram webhooks', () => {
  it('handshake, then comments and mentions signed with the secret of the login in use', async () => {
    connected = await connectedInstagram();
    const { connector, setup } = connected;
    const webhook = connector.inbox!.webhook!;
    expect(webhook.challenge!(handshake('verify-me', '77'))).toMatchObject({ status: 200, body: '77' });
    const post = await publish('hooked');
    setup.fake.world.comment(setup.other, post.remoteId, 'hello');
    setup.fake.world.tag(setup.other, setup.account, '@chorus.test');
    const delivery = (await setup.fake.flushWebhooks('facebook'))!;
    expect(webhook.verify(delivery)).toBe(true);
    expect(webhook.parse(delivery).map((item) => [item.kind, item.channelAccountId])).toEqual([
      ['comment', setup.account.id],
      ['mention', setup.account.id],
    ]);
    expect(webhook.verify({ ...delivery, headers: { 'x-hub-signature-256': 'sha256=00' } })).toBe(false);
  });
});

describe('malformed answers', () => {
  it('an HTML page from media_publish is ambiguous; findPublished decides', async () => {
    connected = await connectedInstagram();
    const { setup, credentials } = connected;
    setup.fake.injectFault({
      kind: 'html',
      status: 502,
      match: { method: 'POST', path: `/${credentials.accountId}/media_publish` },
    });
    const error = await failure(publish('html'));
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toMatch(/HTML page/);
  });

  it('a container status without status_code is retriable (a GET applies nothing), naming the field', async () => {
    connected = await connectedInstagram();
    const { setup, credentials } = connected;
    setup.fake.injectFault({
      kind: 'body',
      status: 200,
      text: '{"id":"1"}',
      match: { method: 'GET', path: /^\/\d+$/u },
    });
    const error = await failure(publish('no status'));
    expect(error.kind).toBe('retriable');
    expect(error.message).toMatch(/status_code/);
    // Nothing went live: the status read failed before media_publish was ever sent.
    const published = setup.fake.instagramHost
      .requests()
      .filter((entry) => entry.method === 'POST' && entry.path === `/${credentials.accountId}/media_publish`);
    expect(published).toHaveLength(0);
  });
});
