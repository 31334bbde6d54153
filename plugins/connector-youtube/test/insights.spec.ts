import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sumColumns } from '../src/insights/youtube-insights.js';
import { connectedYoutube, type ConnectedYoutube } from './support/connected-youtube.js';

describe('YouTube insights (fixture notes 8.7)', () => {
  let yt: ConnectedYoutube;
  beforeEach(async () => {
    yt = await connectedYoutube();
  });
  afterEach(() => yt.close());

  it('analytics resultTable shape with columnHeaders + rows: the fake answers it and the account sums it by name', async () => {
    const video = await yt.connector.publish!(yt.credentials, yt.input('Measured'));
    await yt.setup.peer.like(video.remoteId);
    await yt.setup.peer.reply(video.remoteId, 'Great');
    await yt.setup.peer.repost(video.remoteId);
    await yt.setup.peer.repost(video.remoteId);
    const raw = await fetch(
      `${yt.setup.fake.url}/v2/reports?ids=channel==MINE&startDate=2020-01-01&endDate=2099-01-01&metrics=likes,shares&dimensions=day&sort=day`,
      { headers: { authorization: `Bearer ${yt.credentials.accessToken}` } },
    );
    const table = (await raw.json()) as {
      kind: string;
      columnHeaders: { name: string }[];
      rows: unknown[][];
    };
    expect(table.kind).toBe('youtubeAnalytics#resultTable');
    expect(table.columnHeaders.map((header) => header.name)).toEqual(['day', 'likes', 'shares']);
    expect(table.rows).toEqual([[expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/u), 1, 2]]);
    const account = await yt.connector.insights!.account!(yt.credentials);
    expect(account.metrics).toMatchObject({ likes: 1, comments: 1, shares: 2, followers: 41 });
  });

  it('report columns are read by their header names, whatever their order', () => {
    const metrics = sumColumns(
      {
        columnHeaders: [{ name: 'shares' }, { name: 'day' }, { name: 'engagedViews' }, { name: 'likes' }],
        rows: [
          [2, '2026-05-01', 9, 5],
          [1, '2026-05-02', 3, 4],
        ],
      },
      { likes: 'likes', shares: 'shares' },
    );
    expect(metrics).toEqual({ shares: 3, likes: 9 });
  });

  it('post statistics map to views, likes and comments; deprecated favoriteCount and dislikes are not mapped', async () => {
    const video = await yt.connector.publish!(yt.credentials, yt.input('Counted'));
    yt.setup.peer.watch(video.remoteId);
    yt.setup.peer.watch(video.remoteId);
    await yt.setup.peer.like(video.remoteId);
    const [metrics] = await yt.connector.insights!.post!(yt.credentials, {
      remoteIds: [video.remoteId, 'gone'],
    });
    expect(metrics).toMatchObject({ remoteId: video.remoteId, metrics: { views: 2, likes: 1, comments: 0 } });
    expect(Object.keys(metrics!.metrics).sort()).toEqual(['comments', 'likes', 'views']);
  });

  it('subscriber counts come rounded to three significant figures, as YouTube shows them', async () => {
    yt.setup.account.subscribers = 123_456;
    const account = await yt.connector.insights!.account!(yt.credentials);
    expect(account.metrics.followers).toBe(123_000);
  });

  it('without the Analytics scope the account still gets its channel statistics', async () => {
    const statisticsOnly = await yt.connect(['https://www.googleapis.com/auth/youtube.readonly']);
    const account = await yt.connector.insights!.account!(statisticsOnly);
    expect(account.metrics).toEqual({ followers: 41, views: 0 });
  });

  it('a hidden subscriber count is left out rather than reported as zero', async () => {
    yt.setup.account.hiddenSubscriberCount = true;
    const account = await yt.connector.insights!.account!(yt.credentials);
    expect(account.metrics.followers).toBeUndefined();
  });
});
