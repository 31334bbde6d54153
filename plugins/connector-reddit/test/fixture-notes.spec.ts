import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, type RateLimitedError } from '@chorus/connector-sdk';
import { sampleMedia } from '../src/testing/index.js';
import { USER_AGENT_PATTERN } from '../src/config.js';
import { connectedReddit, failure, rawCall, type ConnectedReddit } from './support/connected-reddit.js';

// One describe per bullet of network-apis.md 12.7, against the fake and through the connector.
let current: ConnectedReddit | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});
const connected = async (...args: Parameters<typeof connectedReddit>) =>
  (current = await connectedReddit(...args));

describe('12.7 All submit/comment validation errors returned as HTTP 200 with json.errors triples; RATELIMIT with minutes', () => {
  it('the fake answers refused submits and comments with HTTP 200 and [CODE, message, field] triples', async () => {
    const { setup, credentials } = await connected();
    const token = credentials.accessToken;
    const submit = await rawCall(`${setup.fake.url}/api/submit`, {
      method: 'POST',
      token,
      form: { sr: setup.subreddit, kind: 'self', title: '', text: 'body', api_type: 'json' },
    });
    expect(submit.status).toBe(200);
    expect(submit.json).toEqual({ json: { errors: [['NO_TEXT', 'we need something here', 'title']] } });
    const nowhere = await rawCall(`${setup.fake.url}/api/submit`, {
      method: 'POST',
      token,
      form: { sr: 'no_such_place', kind: 'self', title: 'x', api_type: 'json' },
    });
    expect(nowhere.json).toEqual({
      json: { errors: [['SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr']] },
    });
    const comment = await rawCall(`${setup.fake.url}/api/comment`, {
      method: 'POST',
      token,
      form: { thing_id: 't3_zzzz', text: '', api_type: 'json' },
    });
    expect(comment.status).toBe(200);
    expect((comment.json as { json: { errors: unknown[] } }).json.errors[0]).toEqual([
      'NO_TEXT',
      'we need something here',
      'text',
    ]);
  });

  it('a RATELIMIT triple inside HTTP 200 is rate-limited for the minutes it names: never a success, nothing posted', async () => {
    const reddit = await connected();
    reddit.setup.fake.throttle(reddit.setup.account, 9 * 60);
    const before = reddit.setup.fake.published().length;
    const error = classifyError(await failure(reddit.publish({ text: 'Throttled' })), 'publish');
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBe(9 * 60);
    expect(error.message).toContain('Take a break for 9 minutes');
    expect(reddit.setup.fake.published().length).toBe(before);
  });

  it('a RATELIMIT in seconds, on a comment reply, is rate-limited for those seconds', async () => {
    const reddit = await connected();
    const post = await reddit.publish({ text: 'Ask away' });
    const comment = await reddit.setup.peer.reply(post.remoteId, 'A question');
    const page = await reddit.connector.inbox!.pull!(reddit.credentials, { cursor: null });
    const question = page.interactions.find((item) => item.remoteId === comment.remoteId)!;
    reddit.setup.fake.throttle(reddit.setup.account, 30);
    const error = classifyError(
      await failure(
        reddit.connector.inbox!.reply!(reddit.credentials, {
          to: question,
          text: 'Soon',
          idempotencyKey: 'r1',
        }),
      ),
      'inbox.reply',
    );
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBeGreaterThanOrEqual(29);
    expect((error as RateLimitedError).retryAfter).toBeLessThanOrEqual(30);
  });

  it('other triples are invalid content on the field Reddit names', async () => {
    const reddit = await connected();
    reddit.setup.fake.injectFault({
      kind: 'form-errors',
      errors: [['TOO_LONG', 'this is too long (max: 300)', 'title']],
    });
    const error = await failure(reddit.publish({ text: 'Long title' }));
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect((error as { issues: unknown[] }).issues).toEqual([
      { path: ['settings', 'title'], code: 'reddit:TOO_LONG', message: 'this is too long (max: 300)' },
    ]);
  });
});

describe('12.7 User-Agent required (reject generic ones); Basic auth on token endpoint; 1 h tokens; refresh keeps same refresh token', () => {
  it('a generic or missing User-Agent is refused with 429, and every request of the connector carries a descriptive one', async () => {
    const reddit = await connected();
    const { fake } = reddit.setup;
    for (const agent of ['node', 'Mozilla/5.0', 'python-requests/2.31']) {
      const refused = await rawCall(`${fake.url}/api/v1/me`, {
        token: reddit.credentials.accessToken,
        headers: { 'user-agent': agent },
      });
      expect(refused.status, agent).toBe(429);
      expect(refused.text).toContain('whoa there, pardner!');
    }
    const start = fake.log.length;
    await reddit.connector.auth.verify(reddit.credentials);
    await reddit.publish({ text: 'With a proper User-Agent' });
    const connectorCalls = fake.log.slice(start);
    expect(connectorCalls.length).toBeGreaterThan(3);
    for (const entry of connectorCalls) {
      expect(entry.userAgent, `${entry.method} ${entry.path}`).toMatch(
        /^server:chorus:\d+\.\d+\.\d+ \(by \/u\/chorusdev\)$/u,
      );
    }
  });

  it('the configuration refuses a generic User-Agent with what to write instead', async () => {
    await expect(connectedReddit({}, { userAgent: 'chorus' })).rejects.toThrow(
      /userAgent: .*must match pattern/u,
    );
    expect(USER_AGENT_PATTERN.test('web:com.example.chorus:v1.2.3 (by /u/someone)')).toBe(true);
  });

  it('the token endpoint wants HTTP Basic client credentials', async () => {
    const reddit = await connected();
    const without = await rawCall(`${reddit.setup.fake.url}/api/v1/access_token`, {
      method: 'POST',
      form: { grant_type: 'refresh_token', refresh_token: reddit.credentials.refreshToken! },
    });
    expect(without.status).toBe(401);
    expect(without.json).toEqual({ message: 'Unauthorized', error: 401 });
    const wrongSecret = await connectedReddit({}, { clientSecret: 'wrong' }).then(
      (other) => other.close().then(() => undefined),
      (error: unknown) => error,
    );
    expect(classifyError(wrongSecret, 'auth.exchange').kind).toBe('reauth-required');
  });

  it('tokens last an hour; an expired one is reauth-required; refresh keeps the same refresh token', async () => {
    const reddit = await connected();
    const { credentials } = reddit;
    const lifetime = Date.parse(credentials.expiresAt!) - Date.now();
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThanOrEqual(3600_000);
    expect(credentials.scopes).toEqual(expect.arrayContaining(['submit', 'privatemessages', 'modposts']));
    reddit.setup.fake.expire(credentials.accessToken);
    expect(classifyError(await failure(reddit.connector.auth.verify(credentials)), 'auth.verify').kind).toBe(
      'reauth-required',
    );
    const refreshed = await reddit.connector.auth.refresh!(credentials);
    expect(refreshed.refreshToken).toBe(credentials.refreshToken);
    expect(refreshed.accessToken).not.toBe(credentials.accessToken);
    const again = await reddit.connector.auth.refresh!(refreshed);
    expect(again.refreshToken).toBe(credentials.refreshToken);
    expect((await reddit.connector.auth.verify(again)).handle).toBe('chorusbrand');
  });

  it('refreshes of one account run one at a time', async () => {
    const reddit = await connected();
    const before = reddit.setup.fake.log.filter((entry) => entry.path === '/api/v1/access_token').length;
    const [a, b] = await Promise.all([
      reddit.connector.auth.refresh!(reddit.credentials),
      reddit.connector.auth.refresh!(reddit.credentials),
    ]);
    expect(a.accessToken).toBe(b.accessToken);
    expect(reddit.setup.fake.log.filter((entry) => entry.path === '/api/v1/access_token').length).toBe(
      before + 1,
    );
  });

  it('the authorization asks for a permanent grant with the scopes Chorus needs', async () => {
    const reddit = await connected();
    const start = await reddit.connector.auth.oauth2!.start({
      redirectUri: 'https://chorus.test/cb',
      state: 's1',
      codeChallenge: 'c',
    });
    const url = new URL(start.url);
    expect(url.pathname).toBe('/api/v1/authorize');
    expect(url.searchParams.get('duration')).toBe('permanent');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining([
        'identity',
        'submit',
        'read',
        'edit',
        'history',
        'privatemessages',
        'flair',
        'modposts',
      ]),
    );
  });
});

describe('12.7 Fullname prefixes and Listing envelope {"kind":"Listing","data":{"after","before","children"}}', () => {
  it('listings page with after/before fullnames and children of kind t3, t1, t4', async () => {
    const reddit = await connected();
    const { fake, account } = reddit.setup;
    const names: string[] = [];
    for (const n of [1, 2, 3]) {
      names.push((await reddit.publish({ text: `Post ${n}` })).remoteId);
    }
    expect(names.every((name) => /^t3_[a-z0-9]+$/u.test(name))).toBe(true);
    const token = reddit.credentials.accessToken;
    const first = (await rawCall(`${fake.url}/user/${account.name}/submitted?sort=new&limit=2`, { token }))
      .json as {
      kind: string;
      data: {
        after: string | null;
        before: string | null;
        children: { kind: string; data: { name: string } }[];
      };
    };
    expect(first.kind).toBe('Listing');
    expect(first.data.children.map((child) => child.kind)).toEqual(['t3', 't3']);
    expect(first.data.before).toBeNull();
    expect(first.data.after).toBe(first.data.children[1]!.data.name);
    const second = (
      await rawCall(`${fake.url}/user/${account.name}/submitted?sort=new&limit=2&after=${first.data.after}`, {
        token,
      })
    ).json as typeof first;
    expect(second.data.children.map((child) => child.data.name)).toEqual([names[0]]);
    expect(second.data.after).toBeNull();
    expect(second.data.before).toBe(names[0]);
    const comment = await reddit.setup.peer.reply(names[0]!, 'A comment');
    const message = await reddit.setup.peer.directMessage('A message');
    expect(comment.remoteId).toMatch(/^t1_/u);
    expect(message.remoteId).toMatch(/^t4_/u);
    const inbox = (await rawCall(`${fake.url}/message/inbox?mark=false`, { token })).json as typeof first;
    expect(inbox.data.children.map((child) => child.kind)).toEqual(['t4', 't1']);
    const verified = await reddit.connector.auth.verify(reddit.credentials);
    expect(verified.accountId).toMatch(/^t2_/u);
  });

  it('findPublished pages back through the listing past newer posts', async () => {
    const reddit = await connected();
    const from = new Date(Date.now() - 2000).toISOString();
    const target = await reddit.publish({ text: 'The one to find' }, { title: 'Deep down' });
    for (let n = 0; n < 130; n += 1) {
      await rawCall(`${reddit.setup.fake.url}/api/submit`, {
        method: 'POST',
        token: reddit.credentials.accessToken,
        form: { sr: reddit.setup.subreddit, kind: 'self', title: `Later ${n}`, text: 'x', api_type: 'json' },
      });
    }
    const found = await reddit.connector.findPublished!(reddit.credentials, {
      idempotencyKey: 'k',
      fingerprint: 'k',
      post: { text: 'The one to find', settings: { subreddit: reddit.setup.subreddit, title: 'Deep down' } },
      window: { from, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found).toMatchObject({ status: 'found', remoteId: target.remoteId });
    const pages = reddit.setup.fake.log.filter((entry) => entry.path.endsWith('/submitted'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
});

describe('12.7 Media asset two-step upload with S3 XML <Location>; gallery items by asset_id', () => {
  it('an image post submits the S3 Location; the post appears once processed and the publish returns it', async () => {
    const reddit = await connected({ processingReads: 3 });
    const { fake } = reddit.setup;
    const result = await reddit.publish({ text: '', media: [sampleMedia('image', 'image/png')] });
    const post = fake.state.posts.get(result.remoteId)!;
    const asset = [...fake.state.assets.values()].find((item) => item.location === post.url)!;
    expect(post.kind).toBe('image');
    expect(asset.location).toMatch(
      /^https:\/\/reddit-uploaded-media\.s3-accelerate\.amazonaws\.com\/rte_images%2F/u,
    );
    expect(asset.bytes).toBe(2048);
    const order = fake.log.map((entry) => `${entry.method} ${entry.path}`);
    expect(order.indexOf('POST /api/media/asset.json')).toBeLessThan(
      order.indexOf('POST /reddit-uploaded-media'),
    );
    expect(order.indexOf('POST /reddit-uploaded-media')).toBeLessThan(order.indexOf('POST /api/submit'));
    expect(order.filter((entry) => entry.endsWith('/submitted')).length).toBeGreaterThanOrEqual(3);
  });

  it('a gallery names each item by asset_id with its caption', async () => {
    const reddit = await connected();
    const media = [
      { ...sampleMedia('image', 'image/png'), altText: 'First' },
      { ...sampleMedia('image', 'image/jpeg'), altText: 'Second' },
    ];
    const result = await reddit.publish({ text: '', media });
    const post = reddit.setup.fake.state.posts.get(result.remoteId)!;
    expect(post.kind).toBe('gallery');
    expect(post.gallery.map((item) => item.caption)).toEqual(['First', 'Second']);
    for (const item of post.gallery) {
      expect(reddit.setup.fake.state.assets.get(item.assetId)?.location).toBeDefined();
    }
  });

  it('the storage refuses a form without the lease signature, in S3 XML', async () => {
    const reddit = await connected();
    const form = new FormData();
    form.set('key', 'rte_images/none');
    form.set('file', new Blob([new Uint8Array(4)]), 'x.png');
    const refused = await rawCall(`${reddit.setup.fake.url}/reddit-uploaded-media`, {
      method: 'POST',
      body: form,
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('a video post uploads its poster too; media that failed processing never shows: ambiguous, nothing published', async () => {
    const reddit = await connected();
    const video = await reddit.publish({ text: '', media: [sampleMedia('video', 'video/mp4', 5000)] });
    const post = reddit.setup.fake.state.posts.get(video.remoteId)!;
    expect(post.kind).toBe('video');
    expect(reddit.setup.fake.state.assets.size).toBe(2);
    reddit.setup.fake.failNextProcessing();
    const before = reddit.setup.fake.published().length;
    const error = classifyError(
      await failure(reddit.publish({ text: '', media: [sampleMedia('gif', 'video/mp4', 5000)] })),
      'publish',
    );
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('did not show it');
    expect(reddit.setup.fake.published().length).toBe(before);
  }, 20_000);

  it('media Reddit would refuse is refused before any upload', async () => {
    const reddit = await connected();
    const tooLong = { ...sampleMedia('video', 'video/mp4'), durationSeconds: 16 * 60 };
    const error = await failure(reddit.publish({ text: '', media: [tooLong] }));
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    const webp = await reddit.connector.validate({
      text: '',
      media: [sampleMedia('image', 'image/webp')],
      settings: { title: 't' },
    });
    expect(webp).toContainEqual(expect.objectContaining({ code: 'media-type-not-allowed' }));
    expect(reddit.setup.fake.log.some((entry) => entry.path === '/api/media/asset.json')).toBe(false);
  });
});

describe('12.7 Rate-limit headers (X-Ratelimit-Remaining decreasing, X-Ratelimit-Reset seconds) and 429 after 100/min', () => {
  it('every API answer reports the budget; the 101st request of the minute is refused with 429', async () => {
    const reddit = await connected({ queriesPerMinute: 100 });
    const token = reddit.credentials.accessToken;
    const url = `${reddit.setup.fake.url}/api/v1/me`;
    const first = await rawCall(url, { token });
    const second = await rawCall(url, { token });
    const remaining = (answer: typeof first) => Number(answer.headers.get('x-ratelimit-remaining'));
    expect(remaining(second)).toBe(remaining(first) - 1);
    expect(first.headers.get('x-ratelimit-remaining')).toMatch(/^\d+\.\d$/u);
    expect(Number(second.headers.get('x-ratelimit-used'))).toBe(
      Number(first.headers.get('x-ratelimit-used')) + 1,
    );
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
    let status = 200;
    let calls = Number(second.headers.get('x-ratelimit-used'));
    while (status === 200) {
      status = (await rawCall(url, { token })).status;
      calls += status === 200 ? 1 : 0;
    }
    expect(status).toBe(429);
    expect(calls).toBe(100);
  });

  it('a 429 is rate-limited until X-Ratelimit-Reset, never a duplicate, and nothing is posted', async () => {
    const reddit = await connected({ queriesPerMinute: 100 });
    const token = reddit.credentials.accessToken;
    let status = 200;
    while (status === 200) {
      status = (await rawCall(`${reddit.setup.fake.url}/api/v1/me`, { token })).status;
    }
    const before = reddit.setup.fake.published().length;
    const error = classifyError(await failure(reddit.publish({ text: 'Over budget' })), 'publish');
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBeGreaterThan(0);
    expect((error as RateLimitedError).retryAfter).toBeLessThanOrEqual(60);
    expect(reddit.setup.fake.published().length).toBe(before);
  });
});

describe('12.7 Inbox mark=false semantics; morechildren expansion', () => {
  it('mark=false leaves items unread; reading without it marks them read; the connector never marks', async () => {
    const reddit = await connected();
    const token = reddit.credentials.accessToken;
    const unread = async (mark: boolean) =>
      (
        (await rawCall(`${reddit.setup.fake.url}/message/unread${mark ? '' : '?mark=false'}`, { token }))
          .json as {
          data: { children: { data: { name: string; new: boolean } }[] };
        }
      ).data.children;
    const message = await reddit.setup.peer.directMessage('Unread until seen');
    await reddit.connector.inbox!.pull!(reddit.credentials, { cursor: null });
    expect((await unread(false)).map((child) => child.data.name)).toEqual([message.remoteId]);
    expect((await unread(false))[0]?.data.new).toBe(true);
    expect(reddit.setup.fake.log.filter((entry) => entry.path === '/message/inbox').length).toBeGreaterThan(
      0,
    );
    expect((await unread(true)).map((child) => child.data.name)).toEqual([message.remoteId]);
    expect(await unread(false)).toEqual([]);
  });

  it('comments beyond the limit come as a `more` node that /api/morechildren expands', async () => {
    const reddit = await connected();
    const post = await reddit.publish({ text: 'Many answers' });
    for (let n = 0; n < 5; n += 1) {
      await reddit.setup.peer.reply(post.remoteId, `Answer ${n}`);
    }
    const token = reddit.credentials.accessToken;
    const [, tree] = (
      await rawCall(
        `${reddit.setup.fake.url}/comments/${post.remoteId.slice(3)}?sort=old&limit=2&threaded=false`,
        {
          token,
        },
      )
    ).json as { data: { children: { kind: string; data: { children?: string[] } }[] } }[];
    const more = tree!.data.children.find((child) => child.kind === 'more')!;
    expect(tree!.data.children.filter((child) => child.kind === 't1')).toHaveLength(2);
    expect(more.data.children).toHaveLength(3);
    const expanded = (
      await rawCall(
        `${reddit.setup.fake.url}/api/morechildren?link_id=${post.remoteId}&children=${more.data.children!.join(',')}&api_type=json`,
        { token },
      )
    ).json as { json: { data: { things: { kind: string; data: { body: string } }[] } } };
    expect(expanded.json.data.things.map((thing) => thing.data.body)).toEqual([
      'Answer 2',
      'Answer 3',
      'Answer 4',
    ]);
  });

  it('findPublished expands `more` nodes to look for the author comment of a link post', async () => {
    const reddit = await connected();
    const from = new Date(Date.now() - 2000).toISOString();
    const post = {
      text: 'Why this link matters',
      link: { url: 'https://example.com/article' },
      settings: { subreddit: reddit.setup.subreddit, title: 'An article' },
    };
    reddit.setup.fake.injectFault({
      kind: 'server-error',
      match: { method: 'POST', path: /^\/api\/comment$/u },
    });
    const error = classifyError(await failure(reddit.publish(post)), 'publish');
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('exists but its comment may not');
    const window = { from, to: new Date(Date.now() + 1000).toISOString() };
    const lookup = () =>
      reddit.connector.findPublished!(reddit.credentials, {
        idempotencyKey: 'k',
        fingerprint: 'k',
        post,
        window,
      });
    const remoteId = [...reddit.setup.fake.state.posts.values()].find(
      (item) => item.title === 'An article',
    )!.name;
    for (let n = 0; n < 120; n += 1) {
      await reddit.setup.peer.reply(remoteId, `Answer ${n}`);
    }
    // 120 answers fill the first page of the tree: the lookup must read the rest before saying "not there".
    expect(await lookup()).toMatchObject({ status: 'unknown' });
    expect(
      reddit.setup.fake.log.filter((entry) => entry.path === '/api/morechildren').length,
    ).toBeGreaterThan(0);
    await rawCall(`${reddit.setup.fake.url}/api/comment`, {
      method: 'POST',
      token: reddit.credentials.accessToken,
      form: { thing_id: remoteId, text: 'Why this link matters', api_type: 'json' },
    });
    expect(await lookup()).toMatchObject({ status: 'found', remoteId });
  });
});
