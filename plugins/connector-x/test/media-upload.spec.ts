import { afterEach, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import { sampleMedia } from '../src/testing/index.js';
import { connectedX, rawCall, type ConnectedX } from './support/connected-x.js';

// network-apis.md 5.8, bullet 4: the chunked upload state machine, segment_index bounds, media id expiry.
describe('X chunked media upload (fixture notes 5.8)', () => {
  let x: ConnectedX | undefined;
  afterEach(() => x?.close());

  const statusLog = (setup: ConnectedX['setup']) =>
    setup.fake.log.filter((entry) => entry.path === '/2/media/upload' && entry.status === 200);

  it('initialize, append in order, finalize, then STATUS pending -> in_progress -> succeeded, honouring check_after_secs', async () => {
    x = await connectedX({ checkAfterSecs: 1, processingPolls: 1 });
    const started = Date.now();
    const result = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'v',
      fingerprint: 'v',
      post: { text: 'A video', media: [sampleMedia('video', 'video/mp4', 5000)] },
    });
    const elapsed = Date.now() - started;
    const paths = x.setup.fake.log.map((entry) => `${entry.method} ${entry.path.replace(/\d{10,}/u, ':id')}`);
    expect(paths.filter((path) => path.includes('/append'))).toHaveLength(5); // 5000 bytes in 1 KiB chunks
    expect(paths.indexOf('POST /2/media/upload/:id/finalize')).toBeGreaterThan(
      paths.indexOf('POST /2/media/upload/:id/append'),
    );
    // pending (finalize), pending -> in_progress -> succeeded over two STATUS checks, one second apart.
    expect(statusLog(x.setup).filter((entry) => entry.method === 'GET')).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(paths.at(-1)).toBe('POST /2/tweets');
    const media = [...x.setup.fake.state.media.values()].at(-1)!;
    expect(media.state).toBe('succeeded');
    expect((await x.setup.peer.view(result.remoteId))?.media).toHaveLength(1);
  });

  it("waits on the context's clock: check_after_secs and the processing deadline are its time, not the process's", async () => {
    let virtual = Date.now();
    const slept: number[] = [];
    const clock = {
      now: () => new Date(virtual),
      sleep: (ms: number) => {
        slept.push(ms);
        virtual += ms;
        return Promise.resolve();
      },
    };
    x = await connectedX({ checkAfterSecs: 30, processingPolls: 2 }, { mediaTimeoutSeconds: 600 }, clock);
    const started = Date.now();
    await x.connector.publish!(x.credentials, {
      idempotencyKey: 'c1',
      fingerprint: 'c1',
      post: { text: 'Slow video, virtual time', media: [sampleMedia('video', 'video/mp4', 2000)] },
    });
    expect(slept).toEqual([30_000, 30_000, 30_000, 30_000]);
    expect(Date.now() - started).toBeLessThan(5000); // no real 2-minute wait
    const before = x.setup.fake.published().length;
    await x.close();

    slept.length = 0;
    x = await connectedX({ checkAfterSecs: 30, processingPolls: 2 }, { mediaTimeoutSeconds: 45 }, clock);
    const error = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'c2',
      fingerprint: 'c2',
      post: { text: 'Too slow', media: [sampleMedia('video', 'video/mp4', 2000)] },
    }).catch((caught: unknown) => caught);
    expect(classifyError(error).kind).toBe('retriable');
    expect(slept).toEqual([30_000]); // the second wait would pass the 45 s deadline
    expect(x.setup.fake.published()).toHaveLength(0);
    expect(before).toBe(1);
  });

  it('a video that fails processing is refused content and nothing is posted', async () => {
    x = await connectedX();
    x.setup.fake.failNextProcessing();
    const before = x.setup.fake.published().length;
    const error = await x.connector.publish!(x.credentials, {
      idempotencyKey: 'f',
      fingerprint: 'f',
      post: { text: 'Broken video', media: [sampleMedia('video', 'video/mp4', 2000)] },
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(classifyError(error).kind).toBe('invalid-content');
    expect(String((error as Error).message)).toMatch(/Unsupported video format/u);
    expect(x.setup.fake.published().length).toBe(before);
  });

  it('refuses segment_index outside 0..999 and a finalize before all bytes arrived', async () => {
    x = await connectedX();
    const token = x.credentials.accessToken;
    const url = x.setup.fake.url;
    const init = await rawCall(`${url}/2/media/upload/initialize`, {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ media_type: 'video/mp4', total_bytes: 10, media_category: 'tweet_video' }),
    });
    const id = (init.json.data as { id: string }).id;
    const append = (index: number) => {
      const form = new FormData();
      form.set('segment_index', String(index));
      form.set('media', new Blob([new Uint8Array(5)]));
      return rawCall(`${url}/2/media/upload/${id}/append`, { method: 'POST', token, body: form });
    };
    expect((await append(1000)).status).toBe(400);
    expect((await append(-1)).status).toBe(400);
    expect((await append(0)).status).toBe(204);
    const early = await rawCall(`${url}/2/media/upload/${id}/finalize`, { method: 'POST', token });
    expect(early.status).toBe(400);
    expect((await append(999)).status).toBe(204);
    const done = await rawCall(`${url}/2/media/upload/${id}/finalize`, { method: 'POST', token });
    expect((done.json.data as { processing_info: { state: string } }).processing_info.state).toBe('pending');
  });

  it('an expired media id is refused when the post is created', async () => {
    x = await connectedX({ mediaExpiresAfterSecs: 0 });
    const form = new FormData();
    form.set('media', new Blob([new Uint8Array(10)], { type: 'image/png' }));
    form.set('media_category', 'tweet_image');
    const token = x.credentials.accessToken;
    const uploaded = await rawCall(`${x.setup.fake.url}/2/media/upload`, {
      method: 'POST',
      token,
      body: form,
    });
    expect((uploaded.json.data as { expires_after_secs: number }).expires_after_secs).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const created = await rawCall(`${x.setup.fake.url}/2/tweets`, {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'late',
        media: { media_ids: [(uploaded.json.data as { id: string }).id] },
      }),
    });
    expect(created.status).toBe(400);
    expect(created.json).toMatchObject({ detail: 'Your media IDs are invalid.' });
  });
});
