import { afterEach, describe, expect, it } from 'vitest';
import { handshake } from '@chorus/meta-graph/testing';
import { connectedThreads, failure, graph, type ConnectedThreads } from './support/connected-threads.js';

// network-apis.md 4.7, each bullet against the fake (through the connector where it has a say).
let connected: ConnectedThreads | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const publish = (text: string, extra: Record<string, unknown> = {}) =>
  connected!.connector.publish!(connected!.credentials, {
    idempotencyKey: text,
    fingerprint: text,
    post: { text, ...extra },
  });

describe('Threads against the fake', () => {
  it('containers report status with error_message; video containers take several polls', async () => {
    connected = await connectedThreads({ videoPolls: 3 });
    const { setup, credentials } = connected;
    const create = (fields: Record<string, string>) =>
      graph(setup.fake.url, `/${credentials.accountId}/threads`, credentials.accessToken, {
        method: 'POST',
        body: new URLSearchParams(fields),
      });
    const read = async (id: string) =>
      (await graph(setup.fake.url, `/${id}?fields=status,error_message`, credentials.accessToken)).body;
    const video = (await create({ media_type: 'VIDEO', video_url: 'https://m.test/v.mp4' })).body.id!;
    expect([(await read(video)).status, (await read(video)).status, (await read(video)).status]).toEqual([
      'IN_PROGRESS',
      'IN_PROGRESS',
      'FINISHED',
    ]);
    const broken = (await create({ media_type: 'VIDEO', video_url: 'https://m.test/v.avi' })).body.id!;
    await read(broken);
    await read(broken);
    expect(await read(broken)).toMatchObject({
      status: 'ERROR',
      error_message: expect.stringContaining('2207026') as unknown,
    });
    const error = await failure(
      publish('bad video', {
        media: [
          { kind: 'video', mimeType: 'video/mp4', source: { kind: 'url', url: 'https://m.test/v.avi' } },
        ],
      }),
    );
    expect(error.kind).toBe('invalid-content');
  });

  it('threads_publishing_limit counts posts and replies; over the post quota the connector refuses before any container', async () => {
    connected = await connectedThreads({ postQuota: 2 });
    const { setup, credentials } = connected;
    await publish('one', { firstComment: { text: 'a reply' } });
    await publish('two');
    const limit = await graph(
      setup.fake.url,
      `/${credentials.accountId}/threads_publishing_limit?fields=quota_usage,config,reply_quota_usage,reply_config`,
      credentials.accessToken,
    );
    expect(limit.body.data?.[0]).toMatchObject({
      quota_usage: 2,
      reply_quota_usage: 1,
      config: { quota_total: 2 },
      reply_config: { quota_total: 1000 },
    });
    const containers = setup.fake.state.containers.size;
    expect((await failure(publish('three'))).kind).toBe('rate-limited');
    expect(setup.fake.state.containers.size).toBe(containers);
    // The fake enforces it on threads_publish too: the 3rd publish (here the 251st) is refused.
    const id = (
      await graph(setup.fake.url, `/${credentials.accountId}/threads`, credentials.accessToken, {
        method: 'POST',
        body: new URLSearchParams({ media_type: 'TEXT', text: 'x' }),
      })
    ).body.id!;
    const refused = await graph(
      setup.fake.url,
      `/${credentials.accountId}/threads_publish`,
      credentials.accessToken,
      { method: 'POST', body: new URLSearchParams({ creation_id: id }) },
    );
    expect(refused.body.error?.code).toBe(4);
  });

  it('501 characters are refused at container creation; the connector refuses them before (emoji weigh 4)', async () => {
    connected = await connectedThreads();
    const { setup, credentials, connector } = connected;
    const answer = await graph(setup.fake.url, `/${credentials.accountId}/threads`, credentials.accessToken, {
      method: 'POST',
      body: new URLSearchParams({ media_type: 'TEXT', text: 'a'.repeat(501) }),
    });
    expect(answer.body.error?.message).toMatch(/at most 500/);
    expect(await connector.validate({ text: 'a'.repeat(500) })).toEqual([]);
    expect((await connector.validate({ text: `${'a'.repeat(497)}👍` })).map((issue) => issue.code)).toContain(
      'text-too-long',
    );
  });

  it('a link card with media is refused once, whatever the number of media (4.2: link_attachment is for TEXT)', async () => {
    connected = await connectedThreads();
    const image = {
      kind: 'image' as const,
      mimeType: 'image/jpeg',
      source: { kind: 'url' as const, url: 'https://m.test/p.jpg' },
      width: 1080,
      height: 1080,
      sizeBytes: 1000,
    };
    for (const media of [[image], [image, image]]) {
      const issues = await connected.connector.validate({
        text: 'x',
        link: { url: 'https://chorus.test' },
        media,
      });
      expect(issues.filter((issue) => issue.code === 'threads:link-with-media')).toHaveLength(1);
    }
  });

  it('a self-thread chains reply_to_id; manage_reply hides top-level replies only', async () => {
    connected = await connectedThreads();
    const { setup, credentials, connector } = connected;
    const result = await publish('part 1', { thread: [{ text: 'part 2' }, { text: 'part 3' }] });
    const [two, three] = result.thread!;
    expect(setup.fake.state.posts.get(two!.remoteId)?.replyToId).toBe(result.remoteId);
    expect(setup.fake.state.posts.get(three!.remoteId)?.replyToId).toBe(two!.remoteId);
    const top = setup.fake.world.post(setup.other, 'top', result.remoteId);
    const nested = setup.fake.world.post(setup.other, 'nested', top);
    await connector.inbox!.hide!(credentials, { remoteId: top, hidden: true });
    expect(setup.fake.state.posts.get(top)?.hidden).toBe(true);
    const error = await failure(connector.inbox!.hide!(credentials, { remoteId: nested, hidden: true }));
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toMatch(/top-level/);
  });

  it('someone else’s reply cannot be deleted (DELETE is for the account’s own media, 4.2); the inbox offers no delete', async () => {
    connected = await connectedThreads();
    const { setup, credentials, connector } = connected;
    const post = await publish('reply here');
    const reply = setup.fake.world.post(setup.other, 'not yours', post.remoteId);
    const refused = await graph(setup.fake.url, `/${reply}`, credentials.accessToken, { method: 'DELETE' });
    expect(refused.body.error?.code).toBe(100);
    expect(setup.fake.state.posts.get(reply)?.deleted).toBe(false);
    expect(connector.manifest.capabilities.inbox?.delete).toBe(false);
    expect(connector.inbox?.delete).toBeUndefined();
  });

  it('a part failing after the first is live is ambiguous, naming what was published', async () => {
    connected = await connectedThreads();
    const { setup } = connected;
    // The second part's photo cannot be fetched (not https), which the fake refuses at container creation.
    const unreachable = {
      kind: 'image' as const,
      mimeType: 'image/jpeg',
      source: { kind: 'url' as const, url: 'http://insecure.test/x.jpg' },
    };
    const error = await failure(publish('lives', { thread: [{ text: 'dies', media: [unreachable] }] }));
    expect(error.kind).toBe('ambiguous');
    const [first] = setup.fake.published();
    expect(first?.text).toBe('lives');
    expect(error.message).toContain(first!.id);
    expect(setup.fake.published()).toHaveLength(1);
  });

  it('user insights refuse a since before 1712991600; followers_count is the current total whatever the range', async () => {
    connected = await connectedThreads();
    const { setup, credentials, connector } = connected;
    const early = await graph(
      setup.fake.url,
      `/${credentials.accountId}/threads_insights?metric=views&since=1712991599&until=1712999999`,
      credentials.accessToken,
    );
    expect(early.body.error?.code).toBe(100);
    setup.fake.world.follow(setup.account);
    const old = await graph(
      setup.fake.url,
      `/${credentials.accountId}/threads_insights?metric=followers_count&since=1712991600&until=1713000000`,
      credentials.accessToken,
    );
    expect(old.body.data?.[0]?.total_value?.value).toBe(1);
    expect((await connector.insights!.account!(credentials)).metrics.followers).toBe(1);
  });

  it('refresh: refused under 24 h by the network, kept by the connector; renewed after; an expired token is reauth-required', async () => {
    connected = await connectedThreads();
    const { setup, credentials, connector } = connected;
    const young = await fetch(
      `${setup.fake.url}/refresh_access_token?grant_type=th_refresh_token&access_token=${credentials.accessToken}`,
    );
    expect(((await young.json()) as { error: { message: string } }).error.message).toMatch(/24 hours/);
    expect(await connector.auth.refresh!(credentials)).toBe(credentials);
    connected.advance(25 * 3_600_000);
    const renewed = await connector.auth.refresh!(credentials);
    expect(renewed.accessToken).not.toBe(credentials.accessToken);
    expect(Date.parse(renewed.expiresAt!) - Date.now()).toBeGreaterThan(59 * 86_400_000);
    setup.fake.expire(renewed.accessToken);
    expect((await failure(connector.auth.verify(renewed))).kind).toBe('reauth-required');
  });

  it('webhooks: the handshake, and replies and mentions in Threads’ own payload, signed with the app secret', async () => {
    connected = await connectedThreads();
    const { setup, connector } = connected;
    const webhook = connector.inbox!.webhook!;
    expect(webhook.challenge!(handshake('verify-me', '5'))).toMatchObject({ status: 200, body: '5' });
    const post = await publish('hooked');
    setup.fake.world.post(setup.other, 'a reply', post.remoteId);
    setup.fake.world.post(setup.other, '@chorus.test hi');
    const reply = (await setup.fake.nextWebhook())!;
    const mention = (await setup.fake.nextWebhook())!;
    expect(webhook.verify(reply)).toBe(true);
    expect(webhook.parse(reply)).toMatchObject([
      { kind: 'comment', inReplyToRemoteId: post.remoteId, channelAccountId: setup.account.id },
    ]);
    expect(webhook.parse(mention)).toMatchObject([{ kind: 'mention', text: '@chorus.test hi' }]);
    expect(webhook.verify({ ...reply, rawBody: new Uint8Array([...reply.rawBody, 32]) })).toBe(false);
  });

  it('a throttle at threads_publish applies nothing, and the retry posts once', async () => {
    connected = await connectedThreads();
    const { setup, credentials } = connected;
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 4, message: '(#4) limit' },
      regainMinutes: 5,
      match: { method: 'POST', path: `/${credentials.accountId}/threads_publish` },
    });
    const error = await failure(publish('throttled'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfter).toBe(300);
    expect(setup.fake.published()).toHaveLength(0);
    await publish('throttled');
    expect(setup.fake.published()).toHaveLength(1);
  });

  it('deleting twice succeeds; media by bytes is refused before any container', async () => {
    connected = await connectedThreads();
    const { connector, credentials, setup } = connected;
    const post = await publish('bye');
    await connector.delete!(credentials, { remoteId: post.remoteId });
    await connector.delete!(credentials, { remoteId: post.remoteId });
    const issues = await connector.validate({
      text: 'x',
      media: [{ kind: 'image', mimeType: 'image/jpeg', source: { kind: 'bytes', data: new Uint8Array(3) } }],
    });
    expect(issues.map((issue) => issue.code)).toContain('threads:public-url-required');
    expect(setup.fake.state.posts.get(post.remoteId)?.deleted).toBe(true);
  });
});

describe('Threads login and bad answers', () => {
  it('an authorization code works once', async () => {
    connected = await connectedThreads();
    const { setup, connector } = connected;
    const oauth = setup.auth.oauth2!;
    const start = await connector.auth.oauth2!.start({
      redirectUri: oauth.redirectUri,
      state: 's',
      codeChallenge: 'x',
    });
    const { code } = await oauth.consent(start.url);
    const exchange = () =>
      connector.auth.oauth2!.exchange({
        code,
        redirectUri: oauth.redirectUri,
        codeVerifier: '',
        pending: {},
      });
    await exchange();
    const error = await failure(exchange());
    expect(error.message).toMatch(/authorization code has been used/);
  });

  it('a truncated answer from threads_publish is ambiguous; findPublished then finds the post', async () => {
    connected = await connectedThreads();
    const { setup, credentials, connector } = connected;
    setup.fake.injectFault({
      kind: 'truncated',
      match: { method: 'POST', path: `/${credentials.accountId}/threads_publish` },
    });
    const started = new Date(Date.now() - 1000).toISOString();
    expect((await failure(publish('cut off'))).kind).toBe('ambiguous');
    const found = await connector.findPublished!(credentials, {
      idempotencyKey: 'cut off',
      fingerprint: 'cut off',
      post: { text: 'cut off' },
      window: { from: started, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found.status).toBe('found');
    expect(setup.fake.published()).toHaveLength(1);
  });
});
