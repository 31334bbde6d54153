import { afterEach, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import { samplePhoto, sampleVideo, videoBytes } from '../src/testing/index.js';
import { connectedTikTok, dataOf, rawCall, type ConnectedTikTok } from './support/connected-tiktok.js';

const statusOf = async (t: ConnectedTikTok, publishId: string) =>
  dataOf(
    (
      await rawCall(`${t.setup.fake.url}/v2/post/publish/status/fetch/`, {
        token: t.credentials.accessToken,
        json: { publish_id: publishId },
      })
    ).json,
  );

// network-apis.md 7.8, bullet 4.
describe('fixture note "Status progression PROCESSING_UPLOAD → PUBLISH_COMPLETE (or SEND_TO_USER_INBOX for inbox flow, FAILED with fail_reason)"', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it('a FILE_UPLOAD stays PROCESSING_UPLOAD until the file is whole and processed, then PUBLISH_COMPLETE with the post id (sic field)', async () => {
    t = await connectedTikTok({ processingPolls: 2, processingMs: 60_000 });
    const init = await rawCall(`${t.setup.fake.url}/v2/post/publish/video/init/`, {
      token: t.credentials.accessToken,
      json: {
        post_info: { title: 'Step by step', privacy_level: 'PUBLIC_TO_EVERYONE' },
        source_info: { source: 'FILE_UPLOAD', video_size: 1000, chunk_size: 1000, total_chunk_count: 1 },
      },
    });
    const { publish_id: publishId, upload_url: uploadUrl } = dataOf(init.json) as Record<string, string>;
    expect(await statusOf(t, publishId!)).toMatchObject({ status: 'PROCESSING_UPLOAD', uploaded_bytes: 0 });
    const put = await fetch(uploadUrl!, {
      method: 'PUT',
      headers: { 'content-type': 'video/mp4', 'content-range': 'bytes 0-999/1000' },
      body: new Uint8Array(1000),
    });
    expect(put.status).toBe(201);
    const seen = [];
    for (let poll = 0; poll < 4; poll += 1) {
      seen.push(await statusOf(t, publishId!));
    }
    expect(seen.map((status) => status.status)).toEqual([
      'PROCESSING_UPLOAD',
      'PROCESSING_UPLOAD',
      'PUBLISH_COMPLETE',
      'PUBLISH_COMPLETE',
    ]);
    expect(seen[2]).toMatchObject({
      uploaded_bytes: 1000,
      publicaly_available_post_id: [t.setup.fake.published()[0]!.id],
    });
  });

  it('the connector polls through the processing states to the live post', async () => {
    t = await connectedTikTok({ processingPolls: 3, processingMs: 60_000 });
    const result = await t.publish({ text: 'Polled', media: [videoBytes(4000)] });
    const polls = t.setup.fake.log.filter((entry) => entry.path.endsWith('/status/fetch/'));
    expect(polls.length).toBe(4);
    expect(result.url).toBe(`https://www.tiktok.com/@chorusbrand/video/${result.remoteId}`);
  });

  it('a public id appears only after moderation; the connector waits for it', async () => {
    t = await connectedTikTok({ moderationMs: 300 });
    const result = await t.publish({ text: 'Moderated', media: [sampleVideo()] });
    expect(result.remoteId).toBe(t.setup.fake.published()[0]!.id);
  });

  it('the inbox flow ends in SEND_TO_USER_INBOX: a draft, not a post, with no post_info', async () => {
    t = await connectedTikTok();
    const result = await t.publish({ text: '', media: [sampleVideo()], settings: { mode: 'inbox' } });
    expect(result.remoteId).toMatch(/^inbox:v_pub_url~/u);
    expect(result.url).toBe('https://www.tiktok.com/@chorusbrand');
    expect(t.setup.fake.published()).toHaveLength(0);
    // In inbox mode TikTok takes only source_info: the creator chooses the rest in the app.
    expect([...t.setup.fake.state.jobs.values()].at(-1)!.postInfo).toEqual({});
    const photos = await t.publish({
      text: 'Draft photos',
      media: [samplePhoto()],
      settings: { mode: 'inbox' },
    });
    expect(photos.remoteId).toMatch(/^inbox:/u);
  });

  it('FAILED with a fail_reason publishes nothing: format and size are invalid content, a failed pull is retriable', async () => {
    t = await connectedTikTok();
    t.setup.fake.failNextProcessing('file_format_check_failed');
    const format = classifyError(await t.publishError({ text: 'x', media: [videoBytes(3000)] }), 'publish');
    expect(format.kind).toBe('invalid-content');
    expect(format.message).toContain('file_format_check_failed');
    const unhosted = { ...samplePhoto('https://media.chorus.test/missing.jpg') };
    const pull = classifyError(await t.publishError({ text: 'y', media: [unhosted] }), 'publish');
    expect(pull.kind).toBe('retriable');
    expect(pull.message).toContain('photo_pull_failed');
    t.setup.fake.host('https://media.chorus.test/huge.jpg', {
      type: 'image/jpeg',
      sizeBytes: 100,
      width: 4000,
      height: 3000,
    });
    const size = classifyError(
      await t.publishError({ text: 'z', media: [samplePhoto('https://media.chorus.test/huge.jpg')] }),
      'publish',
    );
    expect(size.message).toContain('picture_size_check_failed');
    expect(t.setup.fake.published()).toHaveLength(0);
  });
});
