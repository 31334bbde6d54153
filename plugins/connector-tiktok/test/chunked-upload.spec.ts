import { afterEach, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import { chunkRanges, planChunks } from '../src/index.js';
import { videoBytes } from '../src/testing/index.js';
import { connectedTikTok, errorOf, rawCall, type ConnectedTikTok } from './support/connected-tiktok.js';

const MB = 1024 * 1024;
const UPLOAD = { method: 'PUT', path: /^\/upload\/video\/$/u } as const;
const puts = (t: ConnectedTikTok) =>
  t.setup.fake.log.filter((entry) => entry.method === 'PUT').map((entry) => entry.status);

async function rawInit(t: ConnectedTikTok, source: Record<string, unknown>) {
  return rawCall(`${t.setup.fake.url}/v2/post/publish/video/init/`, {
    token: t.credentials.accessToken,
    json: {
      post_info: { title: 'raw', privacy_level: 'PUBLIC_TO_EVERYONE' },
      source_info: { source: 'FILE_UPLOAD', ...source },
    },
  });
}

const put = (url: string, body: Uint8Array, range: string, type = 'video/mp4') =>
  fetch(url, { method: 'PUT', headers: { 'content-type': type, 'content-range': range }, body });

// network-apis.md 7.8, bullet 3.
describe('fixture note "Chunk math validation (total_chunk_count == floor(size/chunk), last chunk ≤128 MB), Content-Range parsing, 206 vs 201 responses, 1-hour upload_url expiry"', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it('plans chunks as TikTok counts them, for any size up to 4 GB', () => {
    expect(planChunks(3 * MB, 10_000_000)).toEqual({
      videoSize: 3 * MB,
      chunkSize: 3 * MB,
      totalChunkCount: 1,
    });
    for (const size of [5 * MB, 12_000_000, 64 * MB + 1, 700 * MB, 4 * 1024 * MB]) {
      for (const preferred of [5 * MB, 10_000_000, 64 * MB]) {
        const plan = planChunks(size, preferred);
        const ranges = chunkRanges(plan);
        const [first, last] = ranges.at(-1)!;
        expect(plan.totalChunkCount).toBe(Math.floor(size / plan.chunkSize));
        expect(plan.totalChunkCount).toBeLessThanOrEqual(1000);
        expect(plan.chunkSize).toBeGreaterThanOrEqual(5 * MB);
        expect(plan.chunkSize).toBeLessThanOrEqual(64 * MB);
        expect(last - first + 1).toBeLessThanOrEqual(128 * MB);
        expect(last).toBe(size - 1);
      }
    }
  });

  it('the connector uploads in order: intermediate chunks answer 206, the last 201, and the post goes live', async () => {
    t = await connectedTikTok({}, { chunkBytes: 5 * MB });
    const result = await t.publish({ text: 'Chunked', media: [videoBytes(12_000_000)] });
    expect(puts(t)).toEqual([206, 201]);
    const job = [...t.setup.fake.state.jobs.values()].at(-1)!;
    expect(job.upload).toMatchObject({
      videoSize: 12_000_000,
      chunkSize: 5 * MB,
      totalChunkCount: 2,
      received: 12_000_000,
    });
    expect(t.setup.fake.state.posts.get(result.remoteId)?.description).toBe('Chunked');
  });

  it('a file under 5 MB goes up as one chunk of its own size', async () => {
    t = await connectedTikTok();
    await t.publish({ text: 'Small', media: [videoBytes(300_000)] });
    expect(puts(t)).toEqual([201]);
    expect([...t.setup.fake.state.jobs.values()].at(-1)!.upload).toMatchObject({
      chunkSize: 300_000,
      totalChunkCount: 1,
    });
  });

  it('the fake refuses chunk math TikTok would refuse with 400 invalid_params', async () => {
    t = await connectedTikTok();
    for (const source of [
      { video_size: 12_000_000, chunk_size: 5 * MB, total_chunk_count: 3 },
      { video_size: 12_000_000, chunk_size: 4 * MB, total_chunk_count: 2 },
      { video_size: 200 * MB, chunk_size: 65 * MB, total_chunk_count: 3 },
      { video_size: 1_000_000, chunk_size: 500_000, total_chunk_count: 2 },
      { video_size: 5 * 1024 * MB, chunk_size: 64 * MB, total_chunk_count: 80 },
    ]) {
      const answer = await rawInit(t, source);
      expect([answer.status, errorOf(answer.json).code], JSON.stringify(source)).toEqual([
        400,
        'invalid_params',
      ]);
    }
  });

  it('Content-Range is parsed: malformed, out-of-order or mis-sized chunks get 400 invalid_file_upload', async () => {
    t = await connectedTikTok();
    const size = 12_000_000;
    const init = await rawInit(t, { video_size: size, chunk_size: 6_000_000, total_chunk_count: 2 });
    const url = (init.json.data as { upload_url: string }).upload_url;
    const chunk = new Uint8Array(6_000_000);
    for (const range of [
      '6000000 bytes',
      'bytes 5-6000004/12000000',
      'bytes 0-5999999/99',
      'bytes 0-4999999/12000000',
    ]) {
      const refused = await put(
        url,
        range.startsWith('bytes 0-4') ? chunk.subarray(0, 5_000_000) : chunk,
        range,
      );
      expect(refused.status, range).toBe(400);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('invalid_file_upload');
    }
    expect((await put(url, chunk, 'bytes 0-5999999/12000000', 'image/png')).status).toBe(400);
    expect((await put(url, chunk, 'bytes 0-5999999/12000000')).status).toBe(206);
    expect((await put(url, chunk, 'bytes 6000000-11999999/12000000')).status).toBe(201);
  });

  it('an upload_url older than an hour is refused', async () => {
    t = await connectedTikTok();
    const init = await rawInit(t, { video_size: 1000, chunk_size: 1000, total_chunk_count: 1 });
    const url = (init.json.data as { upload_url: string }).upload_url;
    t.setup.fake.travel(3601_000);
    const refused = await put(url, new Uint8Array(1000), 'bytes 0-999/1000');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('expired');
  });

  it('a chunk lost before the last is retriable (nothing can be published); a last chunk without answer is ambiguous', async () => {
    t = await connectedTikTok({}, { chunkBytes: 5 * MB });
    t.setup.fake.injectFault({ kind: 'server-error', match: UPLOAD });
    const early = classifyError(
      await t.publishError({ text: 'Lost', media: [videoBytes(12_000_000)] }),
      'publish',
    );
    expect(early.kind).toBe('retriable');
    expect(early.message).toContain('chunk 1 of 2');
    expect(t.setup.fake.published()).toHaveLength(0);
    t.setup.fake.injectFault({ kind: 'timeout-after-send', match: UPLOAD });
    const post = { text: 'Maybe', media: [videoBytes(2000)] };
    const from = new Date(Date.now() - 1000).toISOString();
    const small = classifyError(await t.publishError(post, 'maybe'), 'publish');
    expect(small.kind).toBe('ambiguous');
    // TikTok had the whole file: the journaled publish_id shows the post went live.
    const found = await t.connector.findPublished!(t.credentials, {
      idempotencyKey: 'maybe',
      fingerprint: 'maybe',
      post,
      window: { from, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found).toMatchObject({ status: 'found', remoteId: t.setup.fake.published()[0]?.id });
  });
});
