import { afterEach, describe, expect, it } from 'vitest';
import { connectedFacebook, type ConnectedFacebook, type GraphAnswer } from './support/connected-facebook.js';

// network-apis.md 2.2 "Video", large: the resumable upload (start, transfer chunks, finish), against the fake.
let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const CHUNK = 1000;
const bytes = (length: number) => Uint8Array.from({ length }, (_value, index) => (index * 7) % 251);
const video = (data: Uint8Array) => ({
  text: 'A long video',
  media: [
    {
      kind: 'video' as const,
      mimeType: 'video/mp4',
      source: { kind: 'bytes' as const, data },
      width: 1920,
      height: 1080,
      durationSeconds: 60,
    },
  ],
});

async function phase(params: Record<string, string>, chunk?: Uint8Array) {
  const { setup, credentials } = connected!;
  const body = new FormData();
  for (const [key, value] of Object.entries(params)) {
    body.set(key, value);
  }
  if (chunk) {
    body.set('video_file_chunk', new Blob([chunk], { type: 'video/mp4' }), 'chunk');
  }
  const response = await fetch(`${setup.fake.url}/v25.0/${credentials.accountId}/videos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credentials.accessToken}` },
    body,
  });
  return (await response.json()) as GraphAnswer & {
    video_id?: string;
    upload_session_id?: string;
    start_offset?: string;
    end_offset?: string;
  };
}

describe('Facebook Pages large videos', () => {
  it('a video above the threshold goes up in chunks (start, each window, finish) and is found again', async () => {
    connected = await connectedFacebook(
      { videoChunkBytes: CHUNK, maxVideoRequestBytes: 3000, videoPolls: 1 },
      { videoResumableAboveBytes: 3000 },
    );
    const { connector, credentials, setup } = connected;
    const data = bytes(3500);
    const from = new Date(Date.now() - 60_000).toISOString();
    const published = await connector.publish!(credentials, {
      idempotencyKey: 'v',
      fingerprint: 'v',
      post: video(data),
    });
    const uploads = setup.fake
      .requests()
      .filter((entry) => entry.path === `/${credentials.accountId}/videos`);
    // start, four windows (1000, 1000, 1000, 500), finish.
    expect(uploads).toHaveLength(6);
    expect(uploads.every((entry) => entry.status === 200)).toBe(true);
    const [session] = [...setup.fake.state.uploadSessions.values()];
    expect(Buffer.concat(session!.chunks).equals(Buffer.from(data))).toBe(true);
    const [post] = setup.fake.published();
    expect(post).toMatchObject({ kind: 'video', message: 'A long video', videoId: session!.videoId });
    expect(published.remoteId).toBe(post!.id);
    const found = await connector.findPublished!(credentials, {
      idempotencyKey: 'v',
      fingerprint: 'v',
      post: video(data),
      window: { from, to: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId, url: published.url });
  });

  it('a video at the threshold still goes in one request', async () => {
    connected = await connectedFacebook(
      { videoChunkBytes: CHUNK, maxVideoRequestBytes: 3000, videoPolls: 1 },
      { videoResumableAboveBytes: 3000 },
    );
    const { connector, credentials, setup } = connected;
    await connector.publish!(credentials, {
      idempotencyKey: 'v',
      fingerprint: 'v',
      post: video(bytes(3000)),
    });
    expect(
      setup.fake.requests().filter((entry) => entry.path === `/${credentials.accountId}/videos`),
    ).toHaveLength(1);
    expect(setup.fake.state.uploadSessions.size).toBe(0);
  });

  it('the fake refuses a single request above its limit, a window out of place, and finish before every byte', async () => {
    connected = await connectedFacebook({ videoChunkBytes: CHUNK, maxVideoRequestBytes: 3000 });
    const { connector, credentials, setup } = connected;
    const tooBig = await connector.publish!(credentials, {
      idempotencyKey: 'v',
      fingerprint: 'v',
      post: video(bytes(3001)),
    }).catch((error: unknown) => error as Error);
    expect((tooBig as Error).message).toMatch(/6000|upload_phase=start/u);
    expect(setup.fake.published()).toHaveLength(0);

    const start = await phase({ upload_phase: 'start', file_size: '2500' });
    expect(start).toMatchObject({ start_offset: '0', end_offset: '1000' });
    const session = start.upload_session_id!;
    const skipped = await phase(
      { upload_phase: 'transfer', upload_session_id: session, start_offset: '1000' },
      bytes(1000),
    );
    expect(skipped.error?.message).toMatch(/start_offset 1000 .* expects 0/u);
    const short = await phase(
      { upload_phase: 'transfer', upload_session_id: session, start_offset: '0' },
      bytes(10),
    );
    expect(short.error?.message).toMatch(/video_file_chunk has 10 bytes/u);
    const first = await phase(
      { upload_phase: 'transfer', upload_session_id: session, start_offset: '0' },
      bytes(1000),
    );
    expect(first).toMatchObject({ start_offset: '1000', end_offset: '2000' });
    const early = await phase({ upload_phase: 'finish', upload_session_id: session });
    expect(early.error).toMatchObject({ code: 6000 });
    expect(setup.fake.state.videos.get(start.video_id!)?.finished).toBe(false);
    expect((await phase({ upload_phase: 'start', file_size: 'lots' })).error?.message).toMatch(/file_size/u);
  });
});
