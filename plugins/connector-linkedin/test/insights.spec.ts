import { afterEach, describe, expect, it } from 'vitest';
import { connectedLinkedin, uniqueText, type ConnectedLinkedin } from './support/connected-linkedin.js';

let current: ConnectedLinkedin | undefined;
afterEach(async () => {
  await current?.setup.teardown?.();
  current = undefined;
});

describe('insights (network-apis.md 6.5)', () => {
  it('page totals: followers, page views and the share statistics of its posts', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { setup, connector, credentials } = linkedin;
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'a',
      fingerprint: 'a',
      post: { text: uniqueText('Count') },
    });
    setup.fake.state.views.set(post.remoteId, { impressions: 120, clicks: 7 });
    setup.page.pageViews = 33;
    await setup.peer.like(post.remoteId);
    await setup.peer.follow();
    const account = await connector.insights!.account!(credentials);
    expect(account.metrics).toEqual({
      followers: 1,
      views: 33,
      impressions: 120,
      clicks: 7,
      likes: 1,
      comments: 0,
      shares: 0,
    });
  });

  it('falls back to the older follower edge type spelling when the version refuses the current one', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { setup, connector, credentials } = linkedin;
    setup.fake.settings.followerEdgeType = 'CompanyFollowedByMember';
    await setup.peer.follow();
    expect((await connector.insights!.account!(credentials)).metrics.followers).toBe(1);
    const asked = setup.fake.requests.filter((request) => request.path.startsWith('/rest/networkSizes/'));
    expect(asked.map((request) => request.url.searchParams.get('edgeType'))).toEqual([
      'COMPANY_FOLLOWED_BY_MEMBER',
      'CompanyFollowedByMember',
    ]);
  });

  it('leaves out posts LinkedIn no longer has; a member channel counts likes and comments of its posts', async () => {
    const linkedin = (current = await connectedLinkedin());
    const { setup, connector, credentials } = linkedin;
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'b',
      fingerprint: 'b',
      post: { text: uniqueText('Gone') },
    });
    await connector.delete!(credentials, { remoteId: post.remoteId });
    expect(await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] })).toEqual([]);
    const member = await linkedin.connect(null);
    const own = await connector.publish!(member, {
      idempotencyKey: 'c',
      fingerprint: 'c',
      post: { text: uniqueText('Mine') },
    });
    await setup.peer.like(own.remoteId);
    await setup.peer.reply(own.remoteId, 'nice');
    const [metrics] = await connector.insights!.post!(member, { remoteIds: [own.remoteId] });
    expect(metrics?.metrics).toEqual({ likes: 1, comments: 1 });
    expect((await connector.insights!.account!(member)).metrics).toEqual({});
  });
});
