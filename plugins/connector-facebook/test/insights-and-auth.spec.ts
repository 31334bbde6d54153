import { afterEach, describe, expect, it } from 'vitest';
import {
  connectedFacebook,
  failure,
  type ConnectedFacebook,
  type GraphAnswer,
} from './support/connected-facebook.js';
import { PAGE_METRICS, RENAMED_METRICS } from '../src/insights/metric-names.js';

// network-apis.md 2.7 (insights), 1.7 (token expiry, permission loss), 1.4 (login).
let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

async function insights(query: string) {
  const { credentials, setup } = connected!;
  const response = await fetch(`${setup.fake.url}/v25.0/${credentials.accountId}/insights?${query}`, {
    headers: { authorization: `Bearer ${credentials.accessToken}` },
  });
  return (await response.json()) as GraphAnswer;
}

describe('Facebook Pages insights against the fake', () => {
  it('values[] carry end_time; page_media_view is object-valued (paid/organic) and the connector sums it', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    setup.page.followers = 150;
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'i',
      fingerprint: 'i',
      post: { text: 'Seen' },
    });
    await setup.peer!.view(post.remoteId);
    const answer = await insights('metric=page_media_view,page_total_media_view_unique&period=day');
    expect(answer.data?.[0]).toMatchObject({
      name: 'page_media_view',
      period: 'day',
      values: [
        {
          value: { organic: 1, paid: 0 },
          end_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/) as unknown,
        },
      ],
    });
    const account = await connector.insights!.account!(credentials);
    expect(account.metrics).toEqual({ followers: 150, views: 1, reach: 1 });
    const [metrics] = await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] });
    expect(metrics?.metrics).toMatchObject({ views: 1, reach: 1, likes: 0, comments: 0, shares: 0 });
  });

  it('a window over 90 days and a retired metric are refused with code 100', async () => {
    connected = await connectedFacebook();
    connected.setup.page.followers = 150;
    const wide = await insights(
      `metric=page_media_view&period=day&since=1700000000&until=${1700000000 + 91 * 86_400}`,
    );
    expect(wide.error).toMatchObject({ code: 100, message: expect.stringMatching(/90 days/) as unknown });
    for (const retired of ['page_impressions', 'page_fans', 'page_impressions_unique']) {
      const answer = await insights(`metric=${retired}&period=day`);
      expect(answer.error).toMatchObject({
        code: 100,
        message: expect.stringMatching(/valid insights metric/) as unknown,
      });
    }
  });

  it('the connector asks only for current metric names, and a small Page still gets its counters', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    const account = await connector.insights!.account!(credentials);
    expect(account.metrics).toEqual({ followers: 0 });
    const asked = setup.fake.requests().filter((entry) => entry.path.endsWith('/insights'));
    expect(asked).toHaveLength(1);
    // The fake refuses a retired name with 400 too, so the answer alone proves nothing: the names asked do.
    const names = (asked[0]!.query.metric ?? '').split(',');
    expect(names).toEqual(expect.arrayContaining(Object.keys(PAGE_METRICS)));
    expect(names.filter((name) => name in RENAMED_METRICS)).toEqual([]);
    expect(asked[0]!.status).toBe(400);
  });

  it('posts gone from the network (100/33) are left out of post metrics; any other refusal is thrown', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    expect(await connector.insights!.post!(credentials, { remoteIds: ['1_404'] })).toEqual([]);
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'r',
      fingerprint: 'r',
      post: { text: 'Read me' },
    });
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 100, message: '(#100) Tried accessing nonexisting field (shares)' },
      match: { method: 'GET', path: `/${post.remoteId}` },
    });
    await expect(
      connector.insights!.post!(credentials, { remoteIds: [post.remoteId] }),
    ).rejects.toMatchObject({
      kind: 'invalid-content',
    });
  });

  it('a post answer without reactions, comments or shares leaves those counts out rather than reporting 0', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'counts',
      fingerprint: 'counts',
      post: { text: 'Count me' },
    });
    setup.fake.injectFault({
      kind: 'body',
      status: 200,
      text: `{"id":"${post.remoteId}"}`,
      match: { method: 'GET', path: `/${post.remoteId}` },
    });
    const [result] = await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] });
    expect(result?.remoteId).toBe(post.remoteId);
    for (const name of ['likes', 'comments', 'shares']) {
      expect(result?.metrics).not.toHaveProperty(name);
    }
  });

  it('a Page answer without followers_count or fan_count leaves followers out rather than reporting 0', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    setup.fake.injectFault({
      kind: 'body',
      status: 200,
      text: `{"id":"${credentials.accountId}"}`,
      match: { method: 'GET', path: `/${credentials.accountId}` },
    });
    const account = await connector.insights!.account!(credentials);
    expect(account.metrics).not.toHaveProperty('followers');
  });
});

describe('Facebook Login and tokens against the fake', () => {
  it('connects the Page with its non-expiring Page token and keeps the 60-day user token aside', async () => {
    connected = await connectedFacebook();
    const { credentials, setup } = connected;
    expect(credentials.accountId).toBe(setup.page.id);
    expect(credentials.expiresAt).toBeUndefined();
    expect(setup.fake.state.tokens.get(credentials.accessToken)).toMatchObject({
      kind: 'page',
      expiresAt: undefined,
    });
    const userToken = setup.fake.state.tokens.get(credentials.extra!.userToken!)!;
    expect(userToken.kind).toBe('user');
    expect(Date.parse(credentials.extra!.userTokenExpiresAt!) - Date.now()).toBeGreaterThan(59 * 86_400_000);
    expect(credentials.scopes).toContain('pages_manage_posts');
  });

  it('an expired token (190/463) and a lost permission (10, 200) are reauth-required, naming the permission', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    const publishWith = async (error: { code: number; subcode?: number; message: string }) => {
      setup.fake.injectFault({ kind: 'graph-error', error, match: { method: 'POST' } });
      return failure(
        connector.publish!(credentials, {
          idempotencyKey: 'x',
          fingerprint: 'x',
          post: { text: `x ${error.code}` },
        }),
      );
    };
    for (const error of [
      { code: 190, subcode: 463, message: 'Error validating access token: Session has expired' },
      { code: 190, subcode: 460, message: 'The password was changed' },
      { code: 10, message: '(#10) Permission denied' },
    ]) {
      expect((await publishWith(error)).kind).toBe('reauth-required');
    }
    const notAllowed = await publishWith({
      code: 200,
      message: '(#200) Requires pages_manage_posts permission to manage the object',
    });
    expect(notAllowed.kind).toBe('reauth-required');
    expect(notAllowed.message).toContain('grant the permission pages_manage_posts');
    setup.fake.expire(credentials.accessToken);
    const expired = await failure(connector.auth.verify(credentials));
    expect(expired.kind).toBe('reauth-required');
    expect(expired.message).toMatch(/expired/);
  });

  it('a login that declines publishing permissions is refused, naming them', async () => {
    const error = await failure(connectedFacebook({ declined: ['pages_manage_posts'] }));
    expect(error.kind).toBe('reauth-required');
    expect(error.message).toContain('pages_manage_posts');
  });
});
