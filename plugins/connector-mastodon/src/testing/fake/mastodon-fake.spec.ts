/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- these tests read the fake's JSON answers loosely, field by field */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClient, s256, upload } from './fake-client.fixture.js';
import { MastodonFake } from './mastodon-fake.js';

// One describe per bullet of "Test fixture notes" in shared/reference/network-apis.md (Mastodon).
let fake: MastodonFake;
let token: string;
let aliceId: string;

beforeEach(async () => {
  fake = await MastodonFake.start();
  aliceId = fake.createAccount('alice').id;
  token = fake.tokenFor(aliceId);
});

afterEach(async () => {
  await fake.close();
});

describe('per-instance base URL and app registration; non-expiring tokens; 401 on revoked', () => {
  const redirectUri = 'https://chorus.test/callback';

  async function registerApp(target: MastodonFake) {
    const app = await fakeClient(target).post('/api/v1/apps', {
      client_name: 'Chorus',
      redirect_uris: redirectUri,
      scopes: 'read write',
    });
    expect(app.status).toBe(200);
    return app.body as { client_id: string; client_secret: string };
  }

  async function authorize(target: MastodonFake, clientId: string, challenge: string) {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'read write',
      state: 's1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    return fakeClient(target).get(`/oauth/authorize?${query.toString()}`);
  }

  it('registers an app and issues a token through OAuth with PKCE', async () => {
    const app = await registerApp(fake);
    const consent = await authorize(fake, app.client_id, s256('verifier-1'));
    expect(consent.status).toBe(302);
    const location = new URL(consent.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('s1');
    const exchange = (verifier: string) =>
      fakeClient(fake).post('/oauth/token', {
        grant_type: 'authorization_code',
        code: location.searchParams.get('code'),
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      });
    expect((await exchange('wrong')).body).toMatchObject({ error: 'invalid_grant' });
    const issued = await exchange('verifier-1');
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    expect(issued.body.expires_in).toBeUndefined();
    expect((await exchange('verifier-1')).body).toMatchObject({ error: 'invalid_grant' }); // a code works once
    const me = await fakeClient(fake, issued.body.access_token).get('/api/v1/accounts/verify_credentials');
    expect(me.body).toMatchObject({ username: 'alice' });
  });

  it('keeps apps per instance: a client id from one instance is unknown to another', async () => {
    const other = await MastodonFake.start();
    other.createAccount('alice');
    try {
      expect(other.url).not.toBe(fake.url);
      const app = await registerApp(fake);
      const elsewhere = await authorize(other, app.client_id, s256('v'));
      expect(elsewhere.status).toBe(401);
      expect(elsewhere.body).toMatchObject({ error: 'invalid_client' });
    } finally {
      await other.close();
    }
  });

  it('never expires a token, and answers 401 once it is revoked', async () => {
    const app = await registerApp(fake);
    const consent = await authorize(fake, app.client_id, s256('v'));
    const code = new URL(consent.headers.get('location')!).searchParams.get('code');
    const issued = await fakeClient(fake).post('/oauth/token', {
      grant_type: 'authorization_code',
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: redirectUri,
      code_verifier: 'v',
    });
    const client = fakeClient(fake, issued.body.access_token);
    fake.advance(400 * 24 * 3600 * 1000);
    expect((await client.get('/api/v1/accounts/verify_credentials')).status).toBe(200);
    const revoked = await fakeClient(fake).post('/oauth/revoke', {
      client_id: app.client_id,
      client_secret: app.client_secret,
      token: issued.body.access_token,
    });
    expect(revoked.status).toBe(200);
    const refused = await client.get('/api/v1/accounts/verify_credentials');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: 'The access token is invalid' });
  });
});

describe('media async: 202 with url null, GET 206 until ready, then 200; posting unready media is 422', () => {
  it('processes an image at once and a video later', async () => {
    const client = fakeClient(fake, token);
    const image = await client.post('/api/v2/media', upload(100, 'image/png', 'A cat'));
    expect(image.status).toBe(200);
    expect(image.body).toMatchObject({ type: 'image', description: 'A cat' });
    expect(image.body.url).toEqual(expect.any(String));

    const video = await client.post('/api/v2/media', upload(100, 'video/mp4'));
    expect(video.status).toBe(202);
    expect(video.body.url).toBeNull();
    const early = await client.post('/api/v1/statuses', { status: 'clip', media_ids: [video.body.id] });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatch(/not finished processing/);
    expect((await client.get(`/api/v1/media/${video.body.id}`)).status).toBe(206);
    expect((await client.get(`/api/v1/media/${video.body.id}`)).status).toBe(206);
    const ready = await client.get(`/api/v1/media/${video.body.id}`);
    expect(ready.status).toBe(200);
    expect(ready.body.url).toEqual(expect.any(String));
    expect(
      (await client.post('/api/v1/statuses', { status: 'clip', media_ids: [video.body.id] })).status,
    ).toBe(200);
  });

  it('refuses a file type the instance does not support', async () => {
    const refused = await fakeClient(fake, token).post('/api/v2/media', upload(10, 'application/pdf'));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/^Validation failed/);
  });
});

describe('Idempotency-Key replay returns the same status for 1 h', () => {
  it('answers a replay with the same status and creates nothing', async () => {
    const client = fakeClient(fake, token);
    const first = await client.post('/api/v1/statuses', { status: 'once' }, { 'Idempotency-Key': 'k1' });
    const replay = await client.post('/api/v1/statuses', { status: 'once' }, { 'Idempotency-Key': 'k1' });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect(fake.published()).toHaveLength(1);
    const other = await client.post('/api/v1/statuses', { status: 'once' }, { 'Idempotency-Key': 'k2' });
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('forgets the key after an hour', async () => {
    const client = fakeClient(fake, token);
    const first = await client.post('/api/v1/statuses', { status: 'hourly' }, { 'Idempotency-Key': 'k' });
    fake.advance(59 * 60 * 1000);
    expect(
      (await client.post('/api/v1/statuses', { status: 'hourly' }, { 'Idempotency-Key': 'k' })).body.id,
    ).toBe(first.body.id);
    fake.advance(2 * 60 * 1000);
    const later = await client.post('/api/v1/statuses', { status: 'hourly' }, { 'Idempotency-Key': 'k' });
    expect(later.body.id).not.toBe(first.body.id);
    expect(fake.published()).toHaveLength(2);
  });

  it('keeps keys per account', async () => {
    const bob = fake.createAccount('bob');
    const mine = await fakeClient(fake, token).post(
      '/api/v1/statuses',
      { status: 'a' },
      { 'Idempotency-Key': 'same' },
    );
    const bobs = await fakeClient(fake, fake.tokenFor(bob.id)).post(
      '/api/v1/statuses',
      { status: 'b' },
      { 'Idempotency-Key': 'same' },
    );
    expect(bobs.body.id).not.toBe(mine.body.id);
  });
});

describe('max_characters and max_media_attachments from the instance configuration, enforced with 422', () => {
  it('reports its limits in /api/v2/instance', async () => {
    const instance = await fakeClient(fake).get('/api/v2/instance');
    expect(instance.body.configuration.statuses).toEqual({
      max_characters: 500,
      max_media_attachments: 4,
      characters_reserved_per_url: 23,
    });
    expect(instance.body.configuration.polls).toMatchObject({
      max_options: 4,
      max_characters_per_option: 50,
    });
  });

  it('counts graphemes, a URL as 23 and the content warning too', async () => {
    const client = fakeClient(fake, token);
    const url = `https://example.com/${'x'.repeat(100)}`;
    expect((await client.post('/api/v1/statuses', { status: `${'👍🏽'.repeat(476)} ${url}` })).status).toBe(
      200,
    );
    const over = await client.post('/api/v1/statuses', { status: 'x'.repeat(496), spoiler_text: 'spoiler' });
    expect(over.status).toBe(422);
    expect(over.body).toEqual({ error: 'Validation failed: Text character limit of 500 exceeded' });
  });

  it('enforces a differently configured instance', async () => {
    const big = await MastodonFake.start({ instance: { maxCharacters: 1000, maxMediaAttachments: 2 } });
    try {
      const client = fakeClient(big, big.tokenFor(big.createAccount('carol').id));
      expect(big.state.config.maxCharacters).toBe(1000);
      expect((await client.post('/api/v1/statuses', { status: 'x'.repeat(1000) })).status).toBe(200);
      expect((await client.post('/api/v1/statuses', { status: 'x'.repeat(1001) })).body.error).toBe(
        'Validation failed: Text character limit of 1000 exceeded',
      );
      const ids = [];
      for (let index = 0; index < 3; index += 1) {
        ids.push((await client.post('/api/v2/media', upload(10, 'image/png'))).body.id);
      }
      const tooMany = await client.post('/api/v1/statuses', { status: 'x', media_ids: ids });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.error).toBe('Cannot attach more than 2 files');
    } finally {
      await big.close();
    }
  });
});

describe('Link header pagination with max_id/min_id; notifications types[] filtering', () => {
  it('pages notifications into the past with max_id and forward with min_id, filtered by type', async () => {
    const bob = fake.createAccount('bob');
    const bobClient = fakeClient(fake, fake.tokenFor(bob.id));
    const mine = await fakeClient(fake, token).post('/api/v1/statuses', { status: 'hello' });
    for (let index = 0; index < 5; index += 1) {
      await bobClient.post('/api/v1/statuses', { status: `@alice ping ${index}` });
    }
    await bobClient.post(`/api/v1/statuses/${mine.body.id}/favourite`);

    const client = fakeClient(fake, token);
    const first = await client.get('/api/v1/notifications?types[]=mention&limit=2');
    expect(first.body.map((item: { status: { content: string } }) => item.status.content)).toEqual([
      expect.stringContaining('ping 4'),
      expect.stringContaining('ping 3'),
    ]);
    const links = parseLinks(first.headers.get('link')!);
    const second = await client.get(links.next!.replace(fake.url, ''));
    expect(second.body.map((item: { type: string }) => item.type)).toEqual(['mention', 'mention']);
    expect(second.body[0].status.content).toContain('ping 2');
    const newer = await client.get(parseLinks(second.headers.get('link')!).prev!.replace(fake.url, ''));
    expect(newer.body.map((item: { status: { content: string } }) => item.status.content)).toEqual([
      expect.stringContaining('ping 4'),
      expect.stringContaining('ping 3'),
    ]);
    const all = await client.get('/api/v1/notifications');
    expect(all.body.map((item: { type: string }) => item.type)).toEqual([
      'favourite',
      'mention',
      'mention',
      'mention',
      'mention',
      'mention',
    ]);
    const excluded = await client.get('/api/v1/notifications?exclude_types[]=mention');
    expect(excluded.body.map((item: { type: string }) => item.type)).toEqual(['favourite']);
  });

  it('pages an account timeline the same way', async () => {
    const client = fakeClient(fake, token);
    for (let index = 0; index < 3; index += 1) {
      await client.post('/api/v1/statuses', { status: `post ${index}` });
    }
    const first = await client.get(`/api/v1/accounts/${aliceId}/statuses?limit=2`);
    expect(first.body).toHaveLength(2);
    const next = await client.get(parseLinks(first.headers.get('link')!).next!.replace(fake.url, ''));
    expect(next.body).toHaveLength(1);
    expect(next.body[0].content).toBe('<p>post 0</p>');
  });
});

describe('rate-limit headers with an ISO reset; 429 after 300 calls in 5 min; 30 media uploads per 30 min', () => {
  it('reports the budget on every API response and answers 429 after 300 calls', async () => {
    const client = fakeClient(fake, token);
    const first = await client.get('/api/v1/accounts/verify_credentials');
    expect(first.headers.get('x-ratelimit-limit')).toBe('300');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('299');
    const reset = first.headers.get('x-ratelimit-reset')!;
    expect(reset).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(reset) - Date.now()).toBeLessThanOrEqual(300_000);
    for (let index = 1; index < 300; index += 1) {
      await client.get('/api/v1/accounts/verify_credentials');
    }
    const throttled = await client.get('/api/v1/accounts/verify_credentials');
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({ error: 'Too many requests' });
    expect(throttled.headers.get('x-ratelimit-remaining')).toBe('0');
    fake.advance(300_000);
    expect((await client.get('/api/v1/accounts/verify_credentials')).status).toBe(200);
  });

  it('allows 30 media uploads per 30 minutes while other calls still pass', async () => {
    const client = fakeClient(fake, token);
    for (let index = 0; index < 30; index += 1) {
      expect((await client.post('/api/v2/media', upload(10, 'image/png'))).status).toBe(200);
    }
    const refused = await client.post('/api/v2/media', upload(10, 'image/png'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('30');
    expect((await client.get('/api/v1/accounts/verify_credentials')).status).toBe(200);
  });
});

describe('error bodies', () => {
  it('answers {"error": ...} with the documented status codes', async () => {
    const client = fakeClient(fake, token);
    expect(await client.get('/api/v1/statuses/1')).toMatchObject({
      status: 404,
      body: { error: 'Record not found' },
    });
    expect(await fakeClient(fake).post('/api/v1/statuses', { status: 'x' })).toMatchObject({
      status: 401,
      body: { error: 'The access token is invalid' },
    });
    const readOnly = fakeClient(fake, fake.tokenFor(aliceId, ['read']));
    expect(await readOnly.post('/api/v1/statuses', { status: 'x' })).toMatchObject({
      status: 403,
      body: { error: 'This action is outside the authorized scopes' },
    });
  });
});

function parseLinks(header: string): { next?: string; prev?: string } {
  const links: Record<string, string> = {};
  for (const part of header.split(',')) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part);
    if (match) {
      links[match[2]!] = match[1]!;
    }
  }
  return links;
}

describe('simulated latency (benchmarks)', () => {
  it('answers each request the given time after it arrived, and records when it arrived', async () => {
    const slow = await MastodonFake.start({ latencyMs: 150 });
    try {
      const sent = Date.now();
      const answer = await fakeClient(slow).get('/api/v2/instance');
      const answered = Date.now();
      expect(answer.status).toBe(200);
      const [entry] = slow.requests();
      expect(entry).toMatchObject({ method: 'GET', path: '/api/v2/instance', status: 200 });
      expect(entry!.receivedAt).toBeGreaterThanOrEqual(sent);
      expect(answered - entry!.receivedAt).toBeGreaterThanOrEqual(150);
    } finally {
      await slow.close();
    }
  });
});
