import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMedia } from '../src/testing/index.js';
import { connectedPinterest, pinInput, type ConnectedPinterest } from './support/connected-pinterest.js';

describe('Pinterest analytics in the SDK vocabulary (network-apis.md 9.4)', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    p = await connectedPinterest();
  });
  afterAll(() => p.close());

  const countersOf = (id: string) => p.setup.fake.state.pins.get(id)!.counters;

  it('maps the current metric names of a pin; a deleted pin is left out', async () => {
    const pin = await p.connector.publish!(p.credentials, pinInput(p.boardId));
    Object.assign(countersOf(pin.remoteId), {
      impressions: 40,
      saves: 3,
      pinClicks: 5,
      outboundClicks: 2,
      comments: 1,
      reactions: 4,
    });
    const gone = await p.connector.publish!(p.credentials, pinInput(p.boardId));
    await p.connector.delete!(p.credentials, { remoteId: gone.remoteId });
    const metrics = await p.connector.insights!.post!(p.credentials, {
      remoteIds: [pin.remoteId, gone.remoteId],
    });
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({
      remoteId: pin.remoteId,
      metrics: { impressions: 40, saves: 3, clicks: 7, comments: 1, likes: 4 },
    });
    expect(metrics[0]!.metrics.video_views).toBeUndefined();
  });

  it('asks a video pin for its video views', async () => {
    const video = await p.connector.publish!(
      p.credentials,
      pinInput(p.boardId, {
        media: [sampleMedia('video', 'video/mp4')],
        settings: { coverKeyFrameSeconds: 1 },
      }),
    );
    countersOf(video.remoteId).videoViews = 9;
    const [metrics] = await p.connector.insights!.post!(p.credentials, { remoteIds: [video.remoteId] });
    expect(metrics?.metrics.video_views).toBe(9);
  });

  it('reads the deprecated names CLICKTHROUGH and CLOSEUP when an answer still uses them', async () => {
    const legacy = await connectedPinterest({ legacyMetricNames: true });
    try {
      const pin = await legacy.connector.publish!(legacy.credentials, pinInput(legacy.boardId));
      Object.assign(legacy.setup.fake.state.pins.get(pin.remoteId)!.counters, {
        pinClicks: 6,
        outboundClicks: 4,
        impressions: 11,
      });
      const [metrics] = await legacy.connector.insights!.post!(legacy.credentials, {
        remoteIds: [pin.remoteId],
      });
      expect(metrics?.metrics).toMatchObject({ clicks: 10, impressions: 11 });
      const analytics = legacy.setup.fake.log.filter((entry) => entry.path.endsWith('/analytics'));
      expect(analytics.at(-1)?.status).toBe(200);
    } finally {
      await legacy.close();
    }
  });

  it('account metrics: followers, and impressions, saves and clicks of a business account', async () => {
    const pin = await p.connector.publish!(p.credentials, pinInput(p.boardId));
    Object.assign(countersOf(pin.remoteId), { impressions: 100, saves: 10 });
    p.setup.account.followers.add('someone');
    const account = await p.connector.insights!.account!(p.credentials);
    expect(account.metrics.followers).toBe(p.setup.account.followers.size);
    expect(account.metrics.impressions).toBeGreaterThanOrEqual(100);
    expect(account.metrics.saves).toBeGreaterThanOrEqual(10);
  });

  it('a personal (non-business) account has followers only, without asking for analytics', async () => {
    p.setup.account.accountType = 'PINNER';
    try {
      const before = p.setup.fake.log.length;
      const account = await p.connector.insights!.account!(p.credentials);
      expect(Object.keys(account.metrics)).toEqual(['followers']);
      expect(p.setup.fake.log.slice(before).map((entry) => entry.path)).toEqual(['/v5/user_account']);
    } finally {
      p.setup.account.accountType = 'BUSINESS';
    }
  });
});
