import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type PostScheduledV2 } from '@chorus/contracts';
import { MEDIA_LIBRARY_OPTIONS, type MediaLibraryOptions } from '../src/index.js';
import { probeMedia } from '../src/media/domain/media-probe.value-object.js';
import { HmacMediaUrls } from '../src/media/infrastructure/storage/hmac-media-urls.adapter.js';
import { ContentTestService, type Caller } from './support/content-test-service.js';
import { channelConnected, inDays } from './support/content-fixtures.js';
import { imageFile, movieFile, pixelBombPng } from './support/media-files.js';

// The media library over HTTP on the real PostgreSQL, files on a real local disk: uploads probed from their
// bytes, refusals that leave nothing behind, signed public links, derivatives per network, and posts that
// attach library files and are validated with their probed facts.

interface Media {
  id: string;
  kind: string;
  mimeType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  altText: string | null;
  url: string;
  derivatives: {
    id: string;
    network: string;
    mimeType: string;
    width: number;
    height: number;
    url: string;
  }[];
}
interface Problem {
  message: string;
  problems: { field: string; problem: string }[];
}

const LIMIT = 3_000_000;

describe('media library API on postgres', { timeout: 30_000 }, () => {
  let s: ContentTestService;
  let dir: string;
  const key = randomBytes(32);
  const a: Caller = ContentTestService.newCaller(['content-manager']);
  const otherWorkspace: Caller = { ...a, workspaceId: uuidv7() };
  const sky = uuidv7();
  const insta = uuidv7();

  const files = async (): Promise<string[]> =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);
  const upload = (bytes: Buffer, query = '', contentType = 'application/octet-stream', caller: Caller = a) =>
    s.send(caller, 'POST', `/media${query}`, { bytes, contentType });
  const uploaded = async (bytes: Buffer, query = '', contentType?: string): Promise<Media> => {
    const response = await upload(bytes, query, contentType);
    expect(response.status, response.bytes.toString()).toBe(201);
    return response.json() as Media;
  };
  /** The path and query of a public URL, as the service sees it behind /api/content. */
  const local = (url: string) => url.slice('https://chorus.test/api/content'.length);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chorus-media-test-'));
    const options: MediaLibraryOptions = {
      storageDir: dir,
      signingKey: key,
      publicUrl: 'https://chorus.test/api/content',
      maxUploadBytes: LIMIT,
    };
    s = await ContentTestService.start('postgres', [{ provide: MEDIA_LIBRARY_OPTIONS, useValue: options }]);
    await s.publish(a.tenantId, [
      channelConnected(a, sky, 'bluesky', '@acme.bsky.social'),
      channelConnected(a, insta, 'instagram', '@acmecoffee'),
    ]);
    await s.until(
      async () => (await s.call<{ items: unknown[] }>(a, 'GET', '/channels')).body.items.length,
      (n) => n === 2,
    );
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores an upload with what its bytes say, and serves it by a signed link to anyone holding it', async () => {
    const jpeg = await imageFile('jpeg', 540, 675);
    const media = await uploaded(jpeg, '?fileName=beans.jpg&altText=A%20bag%20of%20beans');
    expect(media).toMatchObject({
      kind: 'image',
      mimeType: 'image/jpeg',
      sizeBytes: jpeg.length,
      width: 540,
      height: 675,
      durationSeconds: null,
      altText: 'A bag of beans',
      derivatives: [],
    });
    expect(media.url).toMatch(/^https:\/\/chorus\.test\/api\/content\/public\/media\//);

    const fetched = await s.send(null, 'GET', local(media.url));
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-type']).toBe('image/jpeg');
    expect(fetched.bytes.equals(jpeg)).toBe(true);

    const tampered = media.url.replace(/signature=.(.*)$/, 'signature=A$1');
    expect((await s.send(null, 'GET', local(tampered))).status).toBe(403);
    const otherFile = local(media.url).replace(media.id, uuidv7());
    expect((await s.send(null, 'GET', otherFile)).status).toBe(403);
    const expired = new HmacMediaUrls(key, 'https://chorus.test/api/content', 1).mediaUrl(
      { tenantId: a.tenantId, workspaceId: a.workspaceId, mediaId: media.id },
      new Date(Date.now() - 1000),
    );
    const late = await s.send(null, 'GET', local(expired));
    expect(late.status).toBe(403);
    expect((late.json() as Problem).message).toContain('expired');

    // An over-long key (the router would answer 414 and echo it) or a malformed one: 400, before any lookup.
    for (const key of [
      `${a.tenantId}/${a.workspaceId}/${'a'.repeat(300)}`,
      `${media.id}/${'b'.repeat(150)}`,
    ]) {
      const tooLong = await s.send(null, 'GET', `/public/media/${key}?expires=1&signature=${'A'.repeat(43)}`);
      expect(tooLong.status, tooLong.bytes.toString()).toBe(400);
      expect((tooLong.json() as Problem).message).toContain('a Chorus media link names at most 147');
    }
    // Short enough in all, but one segment over the router's 100 characters: not the router's 414 echoing it.
    const longSegment = await s.send(null, 'GET', `/public/media/x/y/${'c'.repeat(101)}?expires=1`);
    expect(longSegment.status, longSegment.bytes.toString()).toBe(404);
    expect(longSegment.bytes.toString()).not.toContain('c'.repeat(101));
    const notUuid = await s.send(null, 'GET', local(media.url).replace(media.id, 'x'.repeat(40)));
    expect(notUuid.status).toBe(400);
    const extra = await s.send(null, 'GET', `/public/media/${a.tenantId}/${a.workspaceId}/x/y/z`);
    expect(extra.status).toBe(404);

    const list = await s.call<{ items: Media[] }>(a, 'GET', '/media');
    expect(list.body.items.map((m) => m.id)).toContain(media.id);
    expect((await s.call(otherWorkspace, 'GET', `/media/${media.id}`)).status).toBe(404);
    const edited = await s.call<Media>(a, 'PATCH', `/media/${media.id}`, {
      altText: 'Beans, freshly roasted',
    });
    expect(edited.body.altText).toBe('Beans, freshly roasted');
  });

  it('reads a video duration and size from its MP4 boxes', async () => {
    const video = await uploaded(
      movieFile({ width: 1080, height: 1920, seconds: 42.5 }),
      '?fileName=reel.mp4',
      'video/mp4',
    );
    expect(video).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      width: 1080,
      height: 1920,
      durationSeconds: 42.5,
    });
  });

  it('refuses an empty file, an unknown type, a PNG named .jpg, a lying Content-Type and an oversized file, storing nothing', async () => {
    const before = await files();
    const count = (await s.call<{ items: unknown[] }>(a, 'GET', '/media')).body.items.length;
    const png = await imageFile('png', 40, 40);
    for (const [bytes, query, type, status, field, words] of [
      [Buffer.alloc(0), '', 'application/octet-stream', 400, 'file', 'empty'],
      [
        Buffer.from('%PDF-1.7 a contract'),
        '?fileName=contract.pdf',
        'application/octet-stream',
        400,
        'file',
        'not a type',
      ],
      [png, '?fileName=beans.jpg', 'application/octet-stream', 400, 'fileName', 'rename it to .png'],
      [png, '', 'image/jpeg', 400, 'Content-Type', 'the bytes are image/png'],
      [
        Buffer.concat([png.subarray(0, 33), randomBytes(500)]),
        '',
        'image/png',
        400,
        'file',
        'cannot be decoded',
      ],
      [await imageFile('png', 1200, 1200, { noise: true }), '', 'image/png', 413, null, `${LIMIT} bytes`],
      // A canvas of 100 megapixels in 1 KB: refused from its header, never decoded.
      [pixelBombPng(10_000, 10_000), '', 'image/png', 400, 'file', 'over the limit of 50,000,000'],
    ] as const) {
      const response = await upload(bytes, query, type);
      expect(response.status, response.bytes.toString()).toBe(status);
      const body = response.json() as Problem;
      expect(body.message).toContain(words);
      if (field !== null) {
        expect(body.problems.map((p) => p.field)).toEqual([field]);
      }
    }
    const pdf = await upload(Buffer.from('%PDF-1.7'), '', 'application/pdf');
    expect(pdf.status).toBe(415);
    const elsewhere = await s.send(a, 'POST', '/posts', { bytes: png, contentType: 'image/png' });
    expect(elsewhere.status, 'only the upload route reads file bodies').toBe(415);
    expect(await files()).toEqual(before);
    expect((await s.call<{ items: unknown[] }>(a, 'GET', '/media')).body.items).toHaveLength(count);
  });

  it("makes a derivative for each network whose limits the original breaks, and schedules each target's own", async () => {
    // 1000 x 2000 PNG: Bluesky takes it; Instagram wants JPEG with an aspect ratio of 4:5 at least.
    const png = await imageFile('png', 1000, 2000);
    expect(png.length).toBeLessThan(1_000_000);
    const media = await uploaded(png, '?fileName=tall.png');
    expect(media.derivatives).toHaveLength(1);
    const derivative = media.derivatives[0]!;
    expect(derivative).toMatchObject({
      network: 'instagram',
      mimeType: 'image/jpeg',
      width: 1000,
      height: 1250,
    });
    const served = await s.send(null, 'GET', local(derivative.url));
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(probeMedia(served.bytes)).toMatchObject({
      ok: true,
      media: { mimeType: 'image/jpeg', width: 1000, height: 1250 },
    });

    const created = await s.call<{ id: string; media: Media[] }>(a, 'POST', '/posts', {
      text: 'Tall beans #acmecoffee',
      media: [{ mediaId: media.id, kind: 'video', url: 'https://evil.test/x' }],
      targets: [{ channelId: sky }, { channelId: insta }],
      contentType: 'image',
    });
    expect(created.status, 'the client cannot state the facts').toBe(400);

    const post = await s.call<{ id: string; media: Media[] }>(a, 'POST', '/posts', {
      text: 'Tall beans #acmecoffee',
      media: [{ mediaId: media.id }],
      targets: [{ channelId: sky }, { channelId: insta }],
      contentType: 'image',
    });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    expect(post.body.media[0]).toMatchObject({
      mediaId: media.id,
      kind: 'image',
      mimeType: 'image/png',
      width: 1000,
      height: 2000,
    });

    const scheduled = await s.call(a, 'POST', `/posts/${post.body.id}/schedule`, {
      publishAt: inDays(2),
      timeZone: 'Europe/Rome',
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const events = await s.until(
      () =>
        Promise.resolve(
          s.delivered
            .filter((e) => e.type === 'PostScheduled')
            .map((e) => e.payload as PostScheduledV2)
            .filter((p) => p.postId === post.body.id),
        ),
      (found) => found.length === 2,
    );
    const byChannel = new Map(events.map((e) => [e.channelId, e] as const));
    expect(byChannel.get(sky)!.media[0]).toMatchObject({ mimeType: 'image/png', width: 1000, height: 2000 });
    expect(byChannel.get(insta)!.media[0]).toMatchObject({
      mimeType: 'image/jpeg',
      width: 1000,
      height: 1250,
    });
    expect(byChannel.get(insta)!.media[0]!.url).toContain(derivative.id);
    const fetchedByNetwork = await s.send(null, 'GET', local(byChannel.get(insta)!.media[0]!.url));
    expect(fetchedByNetwork.status).toBe(200);

    const inUse = await s.send(a, 'POST', `/media/${media.id}/derivatives`);
    expect(inUse.status).toBe(200);
    const refused = await s.call<Problem>(a, 'DELETE', `/media/${media.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(post.body.id);
  });

  it('validates a scheduled post with the probed facts: a video too long for Instagram, a video on Bluesky', async () => {
    const long = await uploaded(movieFile({ width: 1080, height: 1920, seconds: 1000 }), '', 'video/mp4');
    const post = await s.call<{ id: string }>(a, 'POST', '/posts', {
      text: 'The whole roast #acmecoffee',
      media: [{ mediaId: long.id }],
      targets: [{ channelId: sky }, { channelId: insta }],
      contentType: 'video',
    });
    expect(post.status).toBe(201);
    const answer = await s.call<Problem>(a, 'POST', `/posts/${post.body.id}/schedule`, {
      publishAt: inDays(2),
      timeZone: 'Europe/Rome',
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['targets.0.media.0', 'targets.1.media.0.durationSeconds']),
    );
    expect(
      answer.body.problems.find((p) => p.field === 'targets.1.media.0.durationSeconds')!.problem,
    ).toContain('1000 s');
  });

  it('refuses media that are not in the workspace library, and deletes an unused file with its bytes', async () => {
    const foreign = await uploaded(await imageFile('jpeg', 100, 100), '', 'image/jpeg');
    const elsewhere = await s.call<Problem>(otherWorkspace, 'POST', '/posts', {
      text: 'x',
      targets: [{ channelId: uuidv7(), media: [{ mediaId: foreign.id }] }],
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.problems).toContainEqual({
      field: 'targets.0.media.0.mediaId',
      problem: expect.stringContaining('no media') as string,
    });

    const before = (await files()).length;
    expect((await s.call(a, 'DELETE', `/media/${foreign.id}`)).status).toBe(204);
    expect((await files()).length).toBe(before - 1);
    expect((await s.call(a, 'GET', `/media/${foreign.id}`)).status).toBe(404);
    expect((await s.send(null, 'GET', local(foreign.url))).status).toBe(404);
    expect((await s.call(a, 'DELETE', `/media/${foreign.id}`)).status).toBe(404);
  });
});
