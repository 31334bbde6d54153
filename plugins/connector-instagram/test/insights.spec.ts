import { afterEach, describe, expect, it } from 'vitest';
import { connectedInstagram, photo, type ConnectedInstagram } from './support/connected-instagram.js';

// network-apis.md 3.4 and 3.7 (insights): metrics by product type, one refused metric never empties the rest.
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

const insightRequests = (c: ConnectedInstagram, id: string) =>
  c.setup.fake.instagramHost.requests().filter((entry) => entry.path === `/${id}/insights`);

describe('Instagram insights', () => {
  it('a story is never asked for `saved` (stories do not offer it); its views and reach come back', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const story = await publish('story', { placement: 'story' });
    await setup.peer!.view(story.remoteId);
    const [result] = await connector.insights!.post!(credentials, { remoteIds: [story.remoteId] });
    expect(result?.metrics).toMatchObject({ views: 1, reach: 1, shares: 0 });
    const asked = insightRequests(connected, story.remoteId).map((entry) => entry.query.metric);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.split(',')).not.toContain('saved');
  });

  it('when Meta refuses one metric of the batch (code 100, metric[N]) the others are asked again and come back', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('measured');
    await setup.peer!.view(post.remoteId);
    setup.fake.injectFault({
      kind: 'graph-error',
      error: {
        code: 100,
        message: '(#100) metric[0] must be one of the following values: reach, shares, saved',
      },
      match: { method: 'GET', path: `/${post.remoteId}/insights` },
    });
    const [result] = await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] });
    expect(result?.metrics).toMatchObject({ reach: 1, shares: 0, saves: 0 });
    expect(result?.metrics.views).toBeUndefined();
    const asked = insightRequests(connected, post.remoteId).map((entry) => entry.query.metric);
    expect(asked).toEqual(['views,reach,shares,saved', 'reach,shares,saved']);
  });

  it('a media answer without like_count or comments_count leaves those counts out rather than reporting 0', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('hidden likes');
    setup.fake.injectFault({
      kind: 'body',
      status: 200,
      text: `{"id":"${post.remoteId}","media_product_type":"FEED"}`,
      match: { method: 'GET', path: `/${post.remoteId}` },
    });
    const [result] = await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] });
    expect(result?.remoteId).toBe(post.remoteId);
    expect(result?.metrics).not.toHaveProperty('comments');
    expect(result?.metrics).not.toHaveProperty('likes');
  });

  it('only an unknown object (100/33) is "gone": any other refusal of the media read is thrown', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('still here');
    const results = await connector.insights!.post!(credentials, {
      remoteIds: ['17800000000000001', post.remoteId],
    });
    expect(results.map((result) => result.remoteId)).toEqual([post.remoteId]);
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 100, message: '(#100) Invalid parameter' },
      match: { method: 'GET', path: `/${post.remoteId}` },
    });
    const refused = await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] }).then(
      () => undefined,
      (error: unknown) => error as { kind?: string; message?: string },
    );
    expect(refused?.kind).toBe('invalid-content');
    expect(refused?.message).toContain('Invalid parameter');
  });

  it('an insights refusal naming no metric is thrown; "not enough viewers" leaves the metrics out and keeps the counters', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    const post = await publish('watched');
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 100, message: '(#100) Invalid parameter' },
      match: { method: 'GET', path: `/${post.remoteId}/insights` },
    });
    await expect(
      connector.insights!.post!(credentials, { remoteIds: [post.remoteId] }),
    ).rejects.toMatchObject({
      kind: 'invalid-content',
    });
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 10, message: '(#10) Not enough viewers for the media to show insights' },
      match: { method: 'GET', path: `/${post.remoteId}/insights` },
    });
    const [result] = await connector.insights!.post!(credentials, { remoteIds: [post.remoteId] });
    expect(result?.metrics).toEqual({ likes: 0, comments: 0 });
  });

  it('when the follower count cannot be read the account insights fail; followers are never reported as 0', async () => {
    connected = await connectedInstagram();
    const { connector, credentials, setup } = connected;
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 100, message: '(#100) Tried accessing nonexisting field (followers_count)' },
      match: { method: 'GET', path: `/${credentials.accountId}` },
    });
    await expect(connector.insights!.account!(credentials)).rejects.toMatchObject({
      kind: 'invalid-content',
    });
    const account = await connector.insights!.account!(credentials);
    expect(account.metrics.followers).toBe(setup.account.followers);
  });
});
