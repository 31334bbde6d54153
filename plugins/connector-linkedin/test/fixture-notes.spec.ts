import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyError } from '@chorus/connector-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { linkedinSignature } from '../src/testing/index.js';
import {
  connectedLinkedin,
  failure,
  rest,
  uniqueText,
  type ConnectedLinkedin,
} from './support/connected-linkedin.js';

// One test (or more) per bullet of network-apis.md 6.8, against the fake and through the connector.
let current: ConnectedLinkedin | undefined;
afterEach(async () => {
  await current?.setup.teardown?.();
  current = undefined;
});
const connected = async (...args: Parameters<typeof connectedLinkedin>) =>
  (current = await connectedLinkedin(...args));
const post = (author: string, commentary: string) =>
  JSON.stringify({
    author,
    commentary,
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED' },
    lifecycleState: 'PUBLISHED',
  });

describe('6.8 LinkedIn-Version and X-Restli-Protocol-Version are required; a sunset version is 426', () => {
  it('refuses a request without either header, and a sunset version with 426 NONEXISTENT_VERSION', async () => {
    const { setup, credentials } = await connected();
    const path = `/rest/organizations/${setup.page.id}`;
    const withoutVersion = await rest(setup.fake.url, path, credentials.accessToken, {
      headers: { 'linkedin-version': '' },
    });
    expect(withoutVersion.status).toBe(426);
    const noHeaders = await fetch(new URL(path, setup.fake.url), {
      headers: { authorization: `Bearer ${credentials.accessToken}` },
    });
    expect(noHeaders.status).toBe(400);
    const noProtocol = await fetch(new URL(path, setup.fake.url), {
      headers: { authorization: `Bearer ${credentials.accessToken}`, 'linkedin-version': '202610' },
    });
    expect(await noProtocol.json()).toMatchObject({ status: 400, code: 'MISSING_HEADER' });
    const sunset = await rest(setup.fake.url, path, credentials.accessToken, {
      headers: { 'linkedin-version': '202401' },
    });
    expect(sunset.status).toBe(426);
    expect(sunset.body).toEqual({
      status: 426,
      code: 'NONEXISTENT_VERSION',
      message: 'Requested version 202401 is not active',
    });
  });

  it('the connector sends both headers, and names the configuration key when its version is sunset', async () => {
    const { setup, connector, credentials } = await connected();
    await connector.auth.verify(credentials);
    const sent = setup.fake.requests.at(-1)!;
    expect(sent.headers['linkedin-version']).toBe('202610');
    expect(sent.headers['x-restli-protocol-version']).toBe('2.0.0');
    setup.fake.settings.activeVersions.delete('202610');
    const error = await failure(
      connector.publish!(credentials, {
        idempotencyKey: 'k',
        fingerprint: 'k',
        post: { text: uniqueText('Sunset') },
      }),
    );
    // The configuration is at fault, not the post: nothing was applied, so it is retried once it is fixed.
    expect(classifyError(error, 'publish').kind).toBe('retriable');
    expect(error.message).toContain('linkedinVersion');
    expect(error.message).not.toMatch(/edit|change the text/iu);
    expect(setup.fake.published()).toHaveLength(0);
    setup.fake.settings.activeVersions.add('202610');
    await connector.publish!(credentials, {
      idempotencyKey: 'k',
      fingerprint: 'k',
      post: { text: uniqueText('Sunset') },
    });
    expect(setup.fake.published()).toHaveLength(1);
  });
});

describe('6.8 201 with an empty body and x-restli-id; URL-encoded URNs; List(...) queries', () => {
  it('creates answer 201, no body, the URN in x-restli-id; the connector returns it with the permalink', async () => {
    const { setup, connector, credentials } = await connected();
    const raw = await rest(setup.fake.url, '/rest/posts', credentials.accessToken, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: post(setup.page.urn, uniqueText('Raw')),
    });
    expect(raw.status).toBe(201);
    expect(raw.text).toBe('');
    expect(raw.headers.get('x-restli-id')).toMatch(/^urn:li:share:\d+$/u);
    const result = await connector.publish!(credentials, {
      idempotencyKey: 'a',
      fingerprint: 'a',
      post: { text: uniqueText('Via connector') },
    });
    expect(result.remoteId).toMatch(/^urn:li:share:\d+$/u);
    expect(result.url).toBe(`https://www.linkedin.com/feed/update/${result.remoteId}`);
  });

  it('refuses a URN that is not URL-encoded in a path; the connector encodes them', async () => {
    const { setup, connector, credentials } = await connected();
    const { remoteId } = await connector.publish!(credentials, {
      idempotencyKey: 'b',
      fingerprint: 'b',
      post: { text: uniqueText('Encoded') },
    });
    const raw = await rest(setup.fake.url, `/rest/posts/${remoteId}`, credentials.accessToken);
    expect(raw.status).toBe(400);
    const encoded = await rest(
      setup.fake.url,
      `/rest/posts/${encodeURIComponent(remoteId)}`,
      credentials.accessToken,
    );
    expect(encoded.status).toBe(200);
    await connector.delete!(credentials, { remoteId });
    expect(setup.fake.requests.at(-1)!.path).toBe(`/rest/posts/${encodeURIComponent(remoteId)}`);
  });

  it('reads statistics of several posts through shares=List(...)', async () => {
    const { setup, connector, credentials } = await connected();
    const first = await connector.publish!(credentials, {
      idempotencyKey: 'c',
      fingerprint: 'c',
      post: { text: uniqueText('One') },
    });
    const second = await connector.publish!(credentials, {
      idempotencyKey: 'd',
      fingerprint: 'd',
      post: { text: uniqueText('Two') },
    });
    setup.fake.state.views.set(second.remoteId, { impressions: 40, clicks: 3 });
    const metrics = await connector.insights!.post!(credentials, {
      remoteIds: [first.remoteId, second.remoteId],
    });
    expect(setup.fake.requests.at(-1)!.rawUrl).toContain(
      `shares=List(${encodeURIComponent(first.remoteId)},${encodeURIComponent(second.remoteId)})`,
    );
    expect(metrics.map((item) => item.remoteId)).toEqual([first.remoteId, second.remoteId]);
    expect(metrics[1]!.metrics).toMatchObject({ impressions: 40, reach: 32, clicks: 3, likes: 0 });
  });
});

describe('6.8 video multi-part upload', () => {
  it('uploads each byte range to its URL, finalizes with the ETags in order, waits for AVAILABLE', async () => {
    const { setup, connector, credentials } = await connected({ processingPolls: 2 });
    const video = setup.media!.video!();
    const result = await connector.publish!(credentials, {
      idempotencyKey: 'v',
      fingerprint: 'v',
      post: { text: uniqueText('Video'), media: [video] },
    });
    const puts = setup.fake.requests.filter(
      (request) => request.method === 'PUT' && request.path.startsWith('/upload/videos/'),
    );
    expect(puts.map((request) => request.body.length)).toEqual([16, 16, 8]);
    const statusReads = setup.fake.requests.filter(
      (request) => request.method === 'GET' && request.path.startsWith('/rest/videos/'),
    );
    expect(statusReads).toHaveLength(3); // PROCESSING, PROCESSING, AVAILABLE
    const created = setup.fake.published().find((item) => item.urn === result.remoteId)!;
    const urn = (created.content as { media: { id: string } }).media.id;
    expect(setup.fake.state.media.get(urn)).toMatchObject({ status: 'AVAILABLE', bytes: 40 });
  });

  it('moves WAITING_UPLOAD to PROCESSING to AVAILABLE, and refuses ETags out of order', async () => {
    const { setup, credentials } = await connected({ processingPolls: 1 });
    const token = credentials.accessToken;
    const init = await rest(setup.fake.url, '/rest/videos?action=initializeUpload', token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ initializeUploadRequest: { owner: setup.page.urn, fileSizeBytes: 32 } }),
    });
    const value = (
      init.body as {
        value: { video: string; uploadToken: string; uploadInstructions: { uploadUrl: string }[] };
      }
    ).value;
    const status = async () =>
      (await rest(setup.fake.url, `/rest/videos/${encodeURIComponent(value.video)}`, token)).body!.status;
    expect(await status()).toBe('WAITING_UPLOAD');
    const etags: string[] = [];
    for (const instruction of value.uploadInstructions) {
      const put = await fetch(instruction.uploadUrl, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}` },
        body: new Uint8Array(16).fill(etags.length + 1),
      });
      etags.push(put.headers.get('etag')!);
    }
    const finalize = (ids: string[]) =>
      rest(setup.fake.url, '/rest/videos?action=finalizeUpload', token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds: ids },
        }),
      });
    expect((await finalize([...etags].reverse())).status).toBe(422);
    expect((await finalize(etags)).status).toBe(200);
    expect(await status()).toBe('PROCESSING');
    expect(await status()).toBe('AVAILABLE');
  });
});

describe('6.8 duplicate commentary from the same author is 422 DUPLICATE_POST', () => {
  it('answers the documented body naming the existing post', async () => {
    const { setup, credentials } = await connected();
    const text = uniqueText('Twice');
    const send = () =>
      rest(setup.fake.url, '/rest/posts', credentials.accessToken, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: post(setup.page.urn, text),
      });
    const first = await send();
    const second = await send();
    expect(second.status).toBe(422);
    expect(String(second.body?.message)).toContain(
      `Content is a duplicate of ${first.headers.get('x-restli-id')}`,
    );
    expect(second.body).toMatchObject({
      errorDetailType: 'com.linkedin.common.error.BadRequest',
      errorDetails: {
        inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }],
      },
      status: 422,
    });
  });

  it('the connector adopts the post a retry duplicates: one post, one remote id', async () => {
    const { setup, connector, credentials } = await connected();
    const input = { idempotencyKey: 'dup', fingerprint: 'dup', post: { text: uniqueText('Retry me') } };
    const first = await connector.publish!(credentials, input);
    const second = await connector.publish!(credentials, input);
    expect(second.remoteId).toBe(first.remoteId);
    expect(setup.fake.published().filter((item) => item.urn === first.remoteId)).toHaveLength(1);
    expect(setup.fake.published()).toHaveLength(1);
  });

  it('after a delete the duplicate names a gone post: refused with advice to change the text', async () => {
    const { connector, credentials } = await connected();
    const input = {
      idempotencyKey: 'gone',
      fingerprint: 'gone',
      post: { text: uniqueText('Deleted then again') },
    };
    const first = await connector.publish!(credentials, input);
    await connector.delete!(credentials, { remoteId: first.remoteId });
    const error = await failure(connector.publish!(credentials, input));
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect(error.message).toContain('change the text slightly');
  });
});

describe('6.8 comments with the actor parameter; notifications within 60 days', () => {
  it('creates and deletes a comment as the page; a delete without actor is 400', async () => {
    const { setup, connector, credentials } = await connected();
    const published = await connector.publish!(credentials, {
      idempotencyKey: 'fc',
      fingerprint: 'fc',
      post: { text: uniqueText('Post'), firstComment: { text: 'first!' } },
    });
    const comment = published.firstComment!;
    const [, postUrn, id] = /^urn:li:comment:\(([^,]+),(\d+)\)$/u.exec(comment.remoteId)!;
    const withoutActor = await rest(
      setup.fake.url,
      `/rest/socialActions/${encodeURIComponent(postUrn!)}/comments/${id}`,
      credentials.accessToken,
      { method: 'DELETE' },
    );
    expect(withoutActor.status).toBe(400);
    await connector.inbox!.delete!(credentials, { remoteId: comment.remoteId });
    expect(setup.fake.requests.at(-1)!.rawUrl).toContain(`?actor=${encodeURIComponent(setup.page.urn)}`);
    expect(setup.fake.state.comments.find((item) => item.urn === comment.remoteId)?.deleted).toBe(true);
    await connector.inbox!.delete!(credentials, { remoteId: comment.remoteId }); // already gone: deleted
  });

  it('the finder refuses a time range older than 60 days; the connector stays inside it', async () => {
    const { setup, connector, credentials } = await connected();
    const org = encodeURIComponent(setup.page.urn);
    const old = Date.now() - 61 * 86_400_000;
    const refused = await rest(
      setup.fake.url,
      `/rest/organizationalEntityNotifications?q=criteria&organizationalEntity=${org}&actions=List(COMMENT)&timeRange=(start:${old},end:${Date.now()})`,
      credentials.accessToken,
    );
    expect(refused.status).toBe(400);
    const page = await connector.inbox!.pull!(credentials, { cursor: null });
    expect(page.cursor).not.toBeNull();
    const sent = setup.fake.requests.at(-1)!.rawUrl;
    expect(sent).toContain('actions=List(COMMENT,SHARE_MENTION)');
    const start = Number(/start:(\d+)/u.exec(sent)![1]);
    expect(Date.now() - start).toBeLessThan(60 * 86_400_000);
  });
});

describe('6.8 webhook challenge and X-LI-Signature', () => {
  it('answers the challenge with the hex HMAC of the challengeCode, which LinkedIn validates', async () => {
    const { setup, connector } = await connected();
    const webhook = connector.inbox!.webhook!;
    const server = createServer((request, response) => {
      const query = Object.fromEntries(new URL(request.url!, 'http://x').searchParams);
      const answer = webhook.challenge!({ rawBody: new Uint8Array(), headers: {}, query });
      response
        .writeHead(answer?.status ?? 401, { 'content-type': answer?.contentType ?? 'text/plain' })
        .end(answer?.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/linkedin`;
      expect(await setup.fake.validateWebhook(url)).toBe(true);
      expect(webhook.challenge!({ rawBody: new Uint8Array(), headers: {}, query: {} })).toBeNull();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('signs "hmacsha256=" + body; a signature over the body alone does not verify; parse + complete give the comment', async () => {
    const { setup, connector, credentials } = await connected();
    const webhook = connector.inbox!.webhook!;
    const delivery = await setup.webhook!.deliver();
    const body = Buffer.from(delivery.rawBody);
    expect(delivery.headers['x-li-signature']).toBe(
      linkedinSignature(setup.fake.settings.clientSecret, body),
    );
    expect(webhook.verify(delivery)).toBe(true);
    const bodyOnly = (await import('node:crypto'))
      .createHmac('sha256', setup.fake.settings.clientSecret)
      .update(body)
      .digest('hex');
    expect(webhook.verify({ ...delivery, headers: { 'x-li-signature': bodyOnly } })).toBe(false);
    const [interaction] = webhook.parse(delivery);
    expect(interaction).toMatchObject({ kind: 'comment', channelAccountId: setup.page.urn });
    const complete = await webhook.complete!(credentials, interaction!);
    expect(complete.text).toBe('A comment that arrives by webhook');
    expect(complete.author.remoteId).toBe(setup.other.urn);
    expect(() => webhook.parse({ ...delivery, rawBody: Buffer.from('<html>') })).toThrow(/not JSON/u);
  });
});

describe('6.8 429 without headers; 60-day tokens; refresh does not extend the refresh token', () => {
  it('a daily quota answers a bare 429, mapped to rate-limited until 00:00 UTC; never a duplicate', async () => {
    const { setup, connector, credentials, advance } = await connected();
    setup.fake.setDailyQuota('posts.create', 1);
    await connector.publish!(credentials, {
      idempotencyKey: 'q1',
      fingerprint: 'q1',
      post: { text: uniqueText('Within quota') },
    });
    const raw = await rest(setup.fake.url, '/rest/posts', credentials.accessToken, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: post(setup.page.urn, 'x'),
    });
    expect(raw.status).toBe(429);
    expect([...raw.headers.keys()].filter((name) => /rate|retry/iu.test(name))).toEqual([]);
    const error = await failure(
      connector.publish!(credentials, {
        idempotencyKey: 'q2',
        fingerprint: 'q2',
        post: { text: uniqueText('Over quota') },
      }),
    );
    const classified = classifyError(error, 'publish');
    expect(classified.kind).toBe('rate-limited');
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    expect(error.retryAfter).toBeGreaterThanOrEqual(Math.floor((midnight - now.getTime()) / 1000) - 5);
    expect(error.retryAfter).toBeLessThanOrEqual(Math.ceil((midnight - now.getTime()) / 1000) + 5);
    expect(setup.fake.published()).toHaveLength(1);
    advance(midnight - now.getTime() + 1000);
    await connector.publish!(credentials, {
      idempotencyKey: 'q3',
      fingerprint: 'q3',
      post: { text: uniqueText('Next day') },
    });
    expect(setup.fake.published()).toHaveLength(2);
  });

  it('access tokens last 60 days; an expired one is reauth-required; refresh keeps the refresh token deadline', async () => {
    const { connector, credentials, advance } = await connected();
    const issued = Date.now();
    expect(Date.parse(credentials.expiresAt!) - issued).toBeGreaterThan(5_184_000_000 - 60_000);
    const refreshEnds = credentials.extra!.refreshTokenExpiresAt!;
    expect(Date.parse(refreshEnds) - issued).toBeGreaterThan(31_536_000_000 - 60_000);
    expect(await connector.auth.refresh!(credentials)).toBe(credentials); // not due yet
    advance(55 * 86_400_000);
    const refreshed = await connector.auth.refresh!(credentials);
    expect(refreshed.accessToken).not.toBe(credentials.accessToken);
    expect(
      Math.abs(Date.parse(refreshed.extra!.refreshTokenExpiresAt!) - Date.parse(refreshEnds)),
    ).toBeLessThan(2000);
    expect(Date.parse(refreshed.expiresAt!) - Date.now()).toBeGreaterThan(100 * 86_400_000); // 55 days ahead + 60
    expect((await connector.auth.verify(refreshed)).accountId).toBe(credentials.accountId);
    advance(10 * 86_400_000);
    expect(classifyError(await failure(connector.auth.verify(credentials)), 'auth.verify').kind).toBe(
      'reauth-required',
    );
    advance(301 * 86_400_000);
    const late = await failure(connector.auth.refresh!(refreshed));
    expect(classifyError(late, 'auth.refresh').kind).toBe('reauth-required');
    expect(late.message).toContain('365 days');
  });

  it('a brand-new token briefly called revoked (65601) is retried once after a pause', async () => {
    const { setup, connect } = await connected({}, { freshTokenRetryMs: 5 });
    setup.fake.settings.freshTokenGlitches = 1;
    const credentials = await connect();
    expect(credentials.accountId).toBe(setup.page.urn);
    const refused = setup.fake.requests.filter((request) => request.path === '/v2/userinfo');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    setup.fake.settings.freshTokenGlitches = 3; // still refused after the one retry: reconnect
    expect(classifyError(await failure(connect()), 'auth.exchange').kind).toBe('reauth-required');
  });

  it('refreshes one at a time per account: two callers share one token request', async () => {
    const { setup, connector, credentials, advance } = await connected();
    advance(58 * 86_400_000);
    const before = setup.fake.requests.filter((request) => request.path === '/oauth/v2/accessToken').length;
    const [a, b] = await Promise.all([
      connector.auth.refresh!(credentials),
      connector.auth.refresh!(credentials),
    ]);
    expect(a.accessToken).toBe(b.accessToken);
    expect(setup.fake.requests.filter((request) => request.path === '/oauth/v2/accessToken').length).toBe(
      before + 1,
    );
  });

  it("two connections of the same page (two workspaces) refresh apart: neither gets the other's token", async () => {
    const { setup, connector, credentials, connect, advance } = await connected();
    const other = await connect();
    expect(other.accountId).toBe(credentials.accountId);
    expect(other.refreshToken).not.toBe(credentials.refreshToken);
    advance(58 * 86_400_000);
    const before = setup.fake.requests.filter((request) => request.path === '/oauth/v2/accessToken').length;
    const [a, b] = await Promise.all([connector.auth.refresh!(credentials), connector.auth.refresh!(other)]);
    expect(a.refreshToken).toBe(credentials.refreshToken);
    expect(b.refreshToken).toBe(other.refreshToken);
    expect(a.accessToken).not.toBe(b.accessToken);
    expect(setup.fake.requests.filter((request) => request.path === '/oauth/v2/accessToken').length).toBe(
      before + 2,
    );
  });

  it('without refresh tokens (not a partner app), an expiring token asks for a reconnect', async () => {
    const { connector, credentials, advance } = await connected({ issueRefreshTokens: false });
    expect(credentials.refreshToken).toBeUndefined();
    advance(58 * 86_400_000);
    const error = await failure(connector.auth.refresh!(credentials));
    expect(classifyError(error, 'auth.refresh').kind).toBe('reauth-required');
    expect(error.message).toContain('reconnect');
  });
});
