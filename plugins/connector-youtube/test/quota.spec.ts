import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, type RateLimitedError } from '@chorus/connector-sdk';
import { nextPacificMidnight } from '../src/index.js';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

const secondsToMidnight = (now: Date) => (nextPacificMidnight(now).getTime() - now.getTime()) / 1000;

describe('the quota day', () => {
  it('midnight Pacific is 07:00 UTC in summer and 08:00 UTC in winter', () => {
    expect(nextPacificMidnight(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe(
      '2026-07-02T07:00:00.000Z',
    );
    expect(nextPacificMidnight(new Date('2026-12-01T12:00:00Z')).toISOString()).toBe(
      '2026-12-02T08:00:00.000Z',
    );
    expect(nextPacificMidnight(new Date('2026-12-02T07:59:00Z')).toISOString()).toBe(
      '2026-12-02T08:00:00.000Z',
    );
  });
});

describe('YouTube daily quota (fixture notes 8.7)', () => {
  let yt: ConnectedYoutube;
  afterEach(() => yt.close());

  it('per-method costs: a list costs 1, a comment or a moderation 50, an upload 1,600', async () => {
    yt = await connectedYoutube();
    const { fake } = yt.setup;
    const used = () => fake.quota.used(fake.config.clientId).units;
    const start = used();
    await yt.connector.auth.verify(yt.credentials);
    expect(used() - start).toBe(1);
    const video = await yt.connector.publish!(yt.credentials, yt.input('Counted'));
    // videos.insert and one processing check
    expect(used() - start).toBe(1 + 1600 + 1);
    const comment = await yt.setup.peer.reply(video.remoteId, 'Nice');
    const before = used();
    await yt.connector.inbox!.hide!(yt.credentials, { remoteId: comment.remoteId, hidden: true });
    expect(used() - before).toBe(50);
  });

  it('quota accounting per project: the connector refuses before calling once the day is spent', async () => {
    // Connecting costs 1 unit; each publish 1,601.
    yt = await connectedYoutube({ quota: { dailyUnits: 3300 } }, { dailyQuotaUnits: 3300 });
    await yt.connector.publish!(yt.credentials, yt.input('One'));
    await yt.connector.publish!(yt.credentials, yt.input('Two'));
    const requests = yt.setup.fake.log.length;
    const error = classifyError(
      await failure(yt.connector.publish!(yt.credentials, yt.input('Three'))),
      'publish',
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/Not sent: 1601 quota units are needed and 97 of 3300 are left/u);
    const retryAfter = (error as RateLimitedError).retryAfter;
    expect(Math.abs(retryAfter - secondsToMidnight(yt.setup.fake.now()))).toBeLessThan(5);
    expect(yt.setup.fake.log.length).toBe(requests);
    expect(yt.setup.fake.published()).toHaveLength(2);
  });

  it('quotaExceeded once exhausted: rate-limited until midnight Pacific, and nothing more is sent that day', async () => {
    // Another app of the project spent the quota: the connector's own count does not know.
    yt = await connectedYoutube({ quota: { dailyUnits: 1700 } }, { dailyQuotaUnits: 10_000 });
    await yt.connector.publish!(yt.credentials, yt.input('Fits'));
    const error = classifyError(
      await failure(yt.connector.publish!(yt.credentials, yt.input('Too much'))),
      'publish',
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('quotaExceeded');
    expect(error.message).toContain('midnight Pacific');
    expect(
      Math.abs((error as RateLimitedError).retryAfter - secondsToMidnight(yt.setup.fake.now())),
    ).toBeLessThan(5);
    const requests = yt.setup.fake.log.length;
    const read = classifyError(
      await failure(yt.connector.insights!.post!(yt.credentials, { remoteIds: ['x'] })),
      'insights.post',
    );
    expect(read.kind).toBe('rate-limited');
    expect(yt.setup.fake.log.length).toBe(requests);
    // The quota is the project's: a viewer's app (another OAuth client) still has its own.
    const comment = await yt.setup.peer.reply(yt.setup.fake.published()[0]!.id, 'Another project');
    expect(comment.remoteId).toBeTruthy();
  });

  it('daily reset at PT midnight: after midnight Pacific the connector and the fake accept calls again', async () => {
    yt = await connectedYoutube({ quota: { dailyUnits: 1700 } }, { dailyQuotaUnits: 1700 });
    await yt.connector.publish!(yt.credentials, yt.input('Today'));
    await failure(yt.connector.publish!(yt.credentials, yt.input('Not today')));
    yt.setup.fake.advance(
      nextPacificMidnight(yt.setup.fake.now()).getTime() - yt.setup.fake.now().getTime() + 1000,
    );
    const fresh = await yt.connector.auth.refresh!(yt.credentials);
    await yt.connector.publish!(fresh, yt.input('Tomorrow'));
    expect(yt.setup.fake.published()).toHaveLength(2);
  });

  it('the 2026 upload bucket: videos.insert spends its own 100-call bucket, not units', async () => {
    const bucket = { model: 'upload-bucket' as const, dailyUploadCalls: 1, dailyUnits: 1_000_000 };
    yt = await connectedYoutube({ quota: bucket }, { quotaModel: 'upload-bucket', dailyUploadCalls: 1 });
    await yt.connector.publish!(yt.credentials, yt.input('Bucketed'));
    expect(yt.setup.fake.quota.used(yt.setup.fake.config.clientId)).toEqual({ units: 2, uploads: 1 });
    const error = classifyError(
      await failure(yt.connector.publish!(yt.credentials, yt.input('Over'))),
      'publish',
    );
    expect(error.message).toContain("the day's 1 videos.insert calls are used");
  });
});
