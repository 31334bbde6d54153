import { afterEach, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

const TOTAL = 600 * 1024;
const GOOGLE_503 = JSON.stringify({
  error: {
    code: 503,
    message: 'Backend Error',
    errors: [{ message: 'Backend Error', reason: 'backendError' }],
  },
});

// Each case is a way an upload can end unclear; none may end as two videos or as a lost one.
describe('YouTube uploads that end unclear are never duplicated nor lost', () => {
  let yt: ConnectedYoutube;
  afterEach(() => yt.close());

  const uploads = () => yt.setup.fake.log.filter((entry) => entry.path === '/upload/youtube/v3/videos');
  const windowNow = () => ({
    from: new Date(Date.now() - 60_000).toISOString(),
    to: new Date(Date.now() + 1000).toISOString(),
  });

  it('a session that completed and then expired: findPublished finds the video in the uploads playlist', async () => {
    yt = await connectedYoutube();
    const input = yt.input('Completed, then forgotten');
    yt.setup.fake.injectFault({ kind: 'timeout-after-send', target: 'final-chunk' });
    await failure(yt.connector.publish!(yt.credentials, input));
    const [video] = yt.setup.fake.published();
    yt.setup.fake.expireSessions();
    expect(
      await yt.connector.findPublished!(yt.credentials, { ...input, window: windowNow() }),
    ).toMatchObject({ status: 'found', remoteId: video!.id });
  });

  it('a 5xx on the last chunk that YouTube applied anyway: the probe finds the video, one video', async () => {
    yt = await connectedYoutube({}, { chunkRetries: 0 });
    yt.setup.fake.injectFault({
      kind: 'raw',
      status: 503,
      contentType: 'application/json',
      body: GOOGLE_503,
      applied: true,
      target: 'final-chunk',
    });
    const result = await yt.connector.publish!(yt.credentials, yt.input('Applied despite a 503'));
    expect(yt.setup.fake.published().map((video) => video.id)).toEqual([result.remoteId]);
    expect(uploads().at(-1)).toMatchObject({ contentRange: `bytes */${TOTAL}`, status: 200 });
  });

  it('5xx answers beyond chunkRetries are retriable only once the session says incomplete; the retry resumes', async () => {
    yt = await connectedYoutube({}, { chunkRetries: 0 });
    const input = yt.input('Too many 503s');
    yt.setup.fake.injectFault({ kind: 'server-error', target: 'chunk', chunk: 1 });
    const error = classifyError(await failure(yt.connector.publish!(yt.credentials, input)), 'publish');
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('incomplete');
    expect(uploads().at(-1)).toMatchObject({ contentRange: `bytes */${TOTAL}`, status: 308 });
    await yt.connector.publish!(yt.credentials, input);
    expect(uploads().filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(yt.setup.fake.published()).toHaveLength(1);
  });

  it('a 410 on a chunk (expired session) is retriable, not a refusal of the post; the retry uploads one video', async () => {
    yt = await connectedYoutube();
    const input = yt.input('Session gone mid-upload');
    yt.setup.fake.injectFault({
      kind: 'error',
      status: 410,
      reason: 'gone',
      message: 'The upload session has expired.',
      target: 'chunk',
      chunk: 1,
    });
    const error = classifyError(await failure(yt.connector.publish!(yt.credentials, input)), 'publish');
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('no video was created');
    yt.setup.fake.expireSessions();
    await yt.connector.publish!(yt.credentials, input);
    expect(yt.setup.fake.published()).toHaveLength(1);
  });

  it('a token refused while checking processing does not fail a publish whose video exists', async () => {
    yt = await connectedYoutube();
    yt.setup.fake.injectFault({
      kind: 'error',
      status: 401,
      reason: 'authError',
      message: 'Request had invalid authentication credentials.',
      target: { method: 'GET', path: /^\/youtube\/v3\/videos$/u },
    });
    const result = await yt.connector.publish!(yt.credentials, yt.input('Token expired mid-publish'));
    expect(yt.setup.fake.published().map((video) => video.id)).toEqual([result.remoteId]);
  });

  it('after a processing rejection, the corrected post retried with the same key is uploaded anew', async () => {
    yt = await connectedYoutube();
    const input = yt.input('Rejected once');
    yt.setup.fake.failNextProcessing('rejected', 'duplicate');
    expect(classifyError(await failure(yt.connector.publish!(yt.credentials, input)), 'publish').kind).toBe(
      'invalid-content',
    );
    const [rejected] = yt.setup.fake.published();
    const result = await yt.connector.publish!(yt.credentials, input);
    expect(result.remoteId).not.toBe(rejected!.id);
    expect(yt.setup.fake.published()).toHaveLength(2);
  });

  it("resuming a kept session does not need a second upload's quota units", async () => {
    // Connecting costs 1 unit, the first attempt 1,600 (videos.insert): 1 unit is left for the processing check.
    yt = await connectedYoutube({ quota: { dailyUnits: 1602 } }, { dailyQuotaUnits: 1602 });
    const input = yt.input('Resumed on the last unit');
    yt.setup.fake.injectFault({ kind: 'rate-limited', retryAfterSeconds: 30, target: 'chunk', chunk: 1 });
    await failure(yt.connector.publish!(yt.credentials, input));
    const result = await yt.connector.publish!(yt.credentials, input);
    expect(yt.setup.fake.published().map((video) => video.id)).toEqual([result.remoteId]);
  });

  it('403 rateLimitExceeded when the upload starts is rate-limited and creates nothing', async () => {
    yt = await connectedYoutube();
    yt.setup.fake.injectFault({
      kind: 'error',
      status: 403,
      reason: 'rateLimitExceeded',
      message: 'The request cannot be completed because you have exceeded your rate limit.',
    });
    const error = classifyError(
      await failure(yt.connector.publish!(yt.credentials, yt.input('Throttled at the start'))),
      'publish',
    );
    expect(error.kind).toBe('rate-limited');
    expect(yt.setup.fake.published()).toHaveLength(0);
  });
});
