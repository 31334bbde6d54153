import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

const CHUNK = 256 * 1024;
const TOTAL = 600 * 1024;

describe('YouTube resumable upload (fixture notes 8.7)', () => {
  let yt: ConnectedYoutube;
  beforeEach(async () => {
    yt = await connectedYoutube();
  });
  afterEach(() => yt.close());

  const uploads = () => yt.setup.fake.log.filter((entry) => entry.path === '/upload/youtube/v3/videos');

  it('resumable flow: POST returns Location; PUT chunks -> 308 with Range; final 201 + resource', async () => {
    const result = await yt.connector.publish!(yt.credentials, yt.input('A first upload'));
    expect(uploads().map((entry) => [entry.method, entry.status, entry.contentRange])).toEqual([
      ['POST', 200, undefined],
      ['PUT', 308, `bytes 0-${CHUNK - 1}/${TOTAL}`],
      ['PUT', 308, `bytes ${CHUNK}-${2 * CHUNK - 1}/${TOTAL}`],
      ['PUT', 201, `bytes ${2 * CHUNK}-${TOTAL - 1}/${TOTAL}`],
    ]);
    expect(result.remoteId).toBe(yt.setup.fake.published()[0]!.id);
    expect(result.url).toBe(`https://www.youtube.com/watch?v=${result.remoteId}`);
    expect(yt.setup.fake.published()[0]!.bytes).toBe(TOTAL);
    expect(result.publishedAt).toBe(yt.setup.fake.published()[0]!.publishedAt);
  });

  it('probe bytes */N: a 5xx on a chunk is resumed from the Range the session reports, one video', async () => {
    yt.setup.fake.injectFault({ kind: 'server-error', target: 'chunk', chunk: 1 });
    await yt.connector.publish!(yt.credentials, yt.input('Survives a 503'));
    const probes = uploads().filter((entry) => entry.contentRange === `bytes */${TOTAL}`);
    expect(probes).toEqual([expect.objectContaining({ method: 'PUT', status: 308 })]);
    expect(uploads().filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(yt.setup.fake.published()).toHaveLength(1);
  });

  it('an interrupted chunk ends the publish as ambiguous; the retry with the same key resumes from the 308 Range', async () => {
    const input = yt.input('Cut mid-upload');
    yt.setup.fake.injectFault({ kind: 'reset', target: 'chunk', chunk: 1 });
    expect(classifyError(await failure(yt.connector.publish!(yt.credentials, input)), 'publish').kind).toBe(
      'ambiguous',
    );
    const window = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() };
    expect(await yt.connector.findPublished!(yt.credentials, { ...input, window })).toEqual({
      status: 'not-found',
    });
    const before = uploads().length;
    const result = await yt.connector.publish!(yt.credentials, input);
    const resumed = uploads().slice(before);
    expect(resumed.map((entry) => entry.contentRange)).toEqual([
      `bytes */${TOTAL}`,
      `bytes ${CHUNK}-${2 * CHUNK - 1}/${TOTAL}`,
      `bytes ${2 * CHUNK}-${TOTAL - 1}/${TOTAL}`,
    ]);
    expect(resumed.some((entry) => entry.method === 'POST')).toBe(false);
    expect(yt.setup.fake.published().map((video) => video.id)).toEqual([result.remoteId]);
  });

  it('a timeout on the last chunk is ambiguous; the session probe finds the video and a retry does not duplicate it', async () => {
    const input = yt.input('Answer lost');
    yt.setup.fake.injectFault({ kind: 'timeout-after-send', target: 'final-chunk' });
    expect(classifyError(await failure(yt.connector.publish!(yt.credentials, input)), 'publish').kind).toBe(
      'ambiguous',
    );
    const [video] = yt.setup.fake.published();
    const window = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() };
    expect(await yt.connector.findPublished!(yt.credentials, { ...input, window })).toMatchObject({
      status: 'found',
      remoteId: video!.id,
    });
    const again = await yt.connector.publish!(yt.credentials, input);
    expect(again.remoteId).toBe(video!.id);
    expect(yt.setup.fake.published()).toHaveLength(1);
  });

  it('a 429 on a chunk is rate-limited, never a duplicate: the retry resumes the same session', async () => {
    const input = yt.input('Throttled mid-upload');
    yt.setup.fake.injectFault({ kind: 'rate-limited', retryAfterSeconds: 30, target: 'chunk', chunk: 1 });
    const error = classifyError(await failure(yt.connector.publish!(yt.credentials, input)), 'publish');
    expect(error.kind).toBe('rate-limited');
    await yt.connector.publish!(yt.credentials, input);
    expect(uploads().filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(yt.setup.fake.published()).toHaveLength(1);
  });

  it('a 429 after the upload (checking processing) does not fail the publish, so nothing is uploaded twice', async () => {
    yt.setup.fake.injectFault({
      kind: 'rate-limited',
      retryAfterSeconds: 30,
      target: { method: 'GET', path: /^\/youtube\/v3\/videos$/u },
    });
    const result = await yt.connector.publish!(yt.credentials, yt.input('Throttled after upload'));
    expect(yt.setup.fake.published().map((video) => video.id)).toEqual([result.remoteId]);
  });

  it('a failure after the upload leaves the session kept: the retry finds the video complete and uploads nothing', async () => {
    const input = yt.input('First comment fails');
    const withComment = { ...input, post: { ...input.post, firstComment: { text: 'Hello' } } };
    yt.setup.fake.injectFault({ kind: 'server-error', target: { method: 'POST', path: /commentThreads$/u } });
    const error = classifyError(await failure(yt.connector.publish!(yt.credentials, withComment)), 'publish');
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('is published');
    const before = uploads().length;
    const again = await yt.connector.publish!(yt.credentials, withComment);
    expect(
      uploads()
        .slice(before)
        .map((entry) => entry.contentRange),
    ).toEqual([`bytes */${TOTAL}`]);
    expect(yt.setup.fake.published().map((video) => video.id)).toEqual([again.remoteId]);
    expect(again.firstComment).toBeDefined();
  });

  it('expired session 410: the retry starts a new session and creates exactly one video', async () => {
    const input = yt.input('Left for a week');
    yt.setup.fake.injectFault({ kind: 'reset', target: 'chunk', chunk: 1 });
    await failure(yt.connector.publish!(yt.credentials, input));
    yt.setup.fake.expireSessions();
    await yt.connector.publish!(yt.credentials, input);
    expect(uploads().filter((entry) => entry.status === 410)).toHaveLength(1);
    expect(uploads().filter((entry) => entry.method === 'POST')).toHaveLength(2);
    expect(yt.setup.fake.published()).toHaveLength(1);
  });

  it('enforce 256 KiB multiples: the fake refuses a short chunk that is not the last', async () => {
    const start = await fetch(
      `${yt.setup.fake.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${yt.credentials.accessToken}`,
          'content-type': 'application/json',
          'x-upload-content-length': String(TOTAL),
          'x-upload-content-type': 'video/mp4',
        },
        body: JSON.stringify({
          snippet: { title: 'Raw', categoryId: '22' },
          status: { privacyStatus: 'public' },
        }),
      },
    );
    const session = start.headers.get('location')!;
    const odd = await fetch(session, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-999/${TOTAL}` },
      body: new Uint8Array(1000),
    });
    expect(odd.status).toBe(400);
    expect(JSON.stringify(await odd.json())).toContain('256 KiB');
  });

  it('the connector refuses a chunk size that is not a multiple of 256 KiB in its configuration', async () => {
    await expect(connectedYoutube({}, { chunkBytes: 1000 })).rejects.toThrow(/chunkBytes/u);
  });
});
