import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type RateLimitedError } from '@chorus/connector-sdk';
import { PINTEREST_SCOPES } from '../src/index.js';
import { UPLOAD_PATH } from '../src/testing/index.js';
import {
  connectedPinterest,
  failureOf,
  pinInput,
  rawCall,
  type ConnectedPinterest,
} from './support/connected-pinterest.js';

const PNG = Buffer.from('fake png bytes').toString('base64');
const image = { source_type: 'image_base64', content_type: 'image/png', data: PNG };

// One test per bullet of network-apis.md 9.7 "Test fixture notes", against the fake, through raw HTTP and the connector.
describe('Pinterest fixture notes (network-apis.md 9.7)', () => {
  let p: ConnectedPinterest;
  let token: string;
  const api = (path: string) => `${p.setup.fake.url}${path}`;
  const createPin = (body: Record<string, unknown>) =>
    rawCall(api('/v5/pins'), {
      method: 'POST',
      token,
      json: { board_id: p.boardId, media_source: image, ...body },
    });

  beforeAll(async () => {
    p = await connectedPinterest();
    token = p.setup.fake.tokenFor(p.setup.account, [...PINTEREST_SCOPES]);
  });
  afterAll(() => p.close());

  it('"201 on pin create; validation limits (title 100, description 800, link 2048, alt_text 500, 2–5 carousel items)"', async () => {
    const ok = await createPin({
      title: 't'.repeat(100),
      description: 'd'.repeat(800),
      alt_text: 'a'.repeat(500),
      link: `https://e.x/${'l'.repeat(2036)}`,
    });
    expect(ok.status).toBe(201);
    expect(ok.json.id).toMatch(/^\d+$/u);
    for (const [field, value] of [
      ['title', 't'.repeat(101)],
      ['description', 'd'.repeat(801)],
      ['alt_text', 'a'.repeat(501)],
      ['link', `https://e.x/${'l'.repeat(2037)}`],
    ] as const) {
      const refused = await createPin({ [field]: value });
      expect(refused.status, field).toBe(400);
      expect(refused.json).toMatchObject({ code: 400, message: expect.stringContaining(field) as string });
    }
    const items = (count: number) =>
      Array.from({ length: count }, () => ({ content_type: 'image/png', data: PNG }));
    for (const [count, status] of [
      [1, 400],
      [2, 201],
      [5, 201],
      [6, 400],
    ] as const) {
      const answer = await createPin({
        media_source: { source_type: 'multiple_image_base64', items: items(count) },
      });
      expect(answer.status, `${count} items`).toBe(status);
    }
    expect(
      (await createPin({ media_source: { source_type: 'multiple_image_base64', items: items(6) } })).json
        .message,
    ).toContain('maxItems=5');
    // The connector refuses the same content before any request.
    const before = p.setup.fake.published().length;
    const issues = await p.connector.validate(
      pinInput(p.boardId, {
        text: 'd'.repeat(801),
        link: { url: `https://e.x/${'l'.repeat(2037)}` },
        settings: { title: 't'.repeat(101) },
        media: [{ ...pinInput(p.boardId).post.media[0]!, altText: 'a'.repeat(501) }],
      }).post,
    );
    expect(issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining([
        'text-too-long',
        'pinterest:link-too-long',
        'invalid-setting',
        'alt-text-too-long',
      ]),
    );
    expect(p.setup.fake.published().length).toBe(before);
  });

  it('"Media upload: presigned multipart POST requiring all upload_parameters; status registered→processing→succeeded"', async () => {
    const registered = await rawCall(api('/v5/media'), {
      method: 'POST',
      token,
      json: { media_type: 'video' },
    });
    expect(registered.status).toBe(201);
    const {
      media_id: mediaId,
      upload_url: uploadUrl,
      upload_parameters: parameters,
    } = registered.json as {
      media_id: string;
      upload_url: string;
      upload_parameters: Record<string, string>;
    };
    expect(uploadUrl).toBe(api(UPLOAD_PATH));
    const status = async () => (await rawCall(api(`/v5/media/${mediaId}`), { token })).json.status;
    expect(await status()).toBe('registered');
    const form = (skip: string | null, fileFirst = false) => {
      const body = new FormData();
      if (fileFirst) {
        body.append('file', new Blob([new Uint8Array(10)]), 'v.mp4');
      }
      for (const [key, value] of Object.entries(parameters)) {
        if (key !== skip) {
          body.append(key, value);
        }
      }
      if (!fileFirst) {
        body.append('file', new Blob([new Uint8Array(10)]), 'v.mp4');
      }
      return body;
    };
    const missing = await rawCall(uploadUrl, { method: 'POST', body: form('x-amz-signature') });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('<Code>AccessDenied</Code>');
    expect((await rawCall(uploadUrl, { method: 'POST', body: form(null, true) })).status).toBe(403);
    expect(await status()).toBe('registered');
    expect((await rawCall(uploadUrl, { method: 'POST', body: form(null) })).status).toBe(204);
    expect(await status()).toBe('processing');
    expect(await status()).toBe('succeeded');
    // The connector walks the same flow for a video pin.
    p.setup.fake.log.length = 0;
    const video = { ...p.setup.media!.video!(), altText: 'A clip' };
    const published = await p.connector.publish!(
      p.credentials,
      pinInput(p.boardId, { media: [video], settings: { coverKeyFrameSeconds: 2 } }),
    );
    expect(p.setup.fake.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /v5/media 201',
      `POST ${UPLOAD_PATH} 204`,
      expect.stringMatching(/^GET \/v5\/media\/\d+ 200$/u),
      expect.stringMatching(/^GET \/v5\/media\/\d+ 200$/u),
      'POST /v5/pins 201',
    ]);
    expect(p.setup.fake.state.pins.get(published.remoteId)?.mediaType).toBe('video');
  });

  it('"Video pin without cover → 400"', async () => {
    const registered = await rawCall(api('/v5/media'), {
      method: 'POST',
      token,
      json: { media_type: 'video' },
    });
    const {
      media_id: mediaId,
      upload_url: uploadUrl,
      upload_parameters: parameters,
    } = registered.json as {
      media_id: string;
      upload_url: string;
      upload_parameters: Record<string, string>;
    };
    const body = new FormData();
    for (const [key, value] of Object.entries(parameters)) {
      body.append(key, value);
    }
    body.append('file', new Blob([new Uint8Array(10)]), 'v.mp4');
    await rawCall(uploadUrl, { method: 'POST', body });
    await rawCall(api(`/v5/media/${mediaId}`), { token });
    await rawCall(api(`/v5/media/${mediaId}`), { token });
    const refused = await createPin({ media_source: { source_type: 'video_id', media_id: mediaId } });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toContain('cover_image_url or cover_image_content_type');
    const covered = await createPin({
      media_source: { source_type: 'video_id', media_id: mediaId, cover_image_key_frame_time: 1 },
    });
    expect(covered.status).toBe(201);
    // The connector refuses a video without a cover before registering any media.
    p.setup.fake.log.length = 0;
    const error = await failureOf(
      p.connector.publish!(
        p.credentials,
        pinInput(p.boardId, { media: [p.setup.media!.video!()], settings: { boardId: p.boardId } }),
      ),
    );
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect(String(error)).toContain('cover');
    expect(p.setup.fake.log).toEqual([]);
  });

  it('"`bookmark` cursor pagination ending in `null`"', async () => {
    for (let index = 0; index < 12; index += 1) {
      p.setup.fake.state.createBoard(p.setup.account, `Board ${index}`);
    }
    const seen: string[] = [];
    let bookmark: string | null = null;
    let pages = 0;
    do {
      const query: string = bookmark ? `&bookmark=${bookmark}` : '';
      const answer = await rawCall(api(`/v5/boards?page_size=5${query}`), { token });
      expect(answer.status).toBe(200);
      const items = answer.json.items as { id: string }[];
      seen.push(...items.map((item) => item.id));
      bookmark = answer.json.bookmark as string | null;
      pages += 1;
    } while (bookmark !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(14);
    expect((await rawCall(api('/v5/boards?page_size=251'), { token })).status).toBe(400);
    // With no board chosen the connector reads every page to list the boards a person can pick from.
    const error = await failureOf(
      p.connector.publish!(p.credentials, { ...pinInput(''), post: { ...pinInput('').post, settings: {} } }),
    );
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect(String(error)).toMatch(/Choose the board to pin to \(setting boardId\), one of: "Launches"/u);
  });

  it('"Analytics date validation (≤90 days back/range) and nested `all.daily_metrics` shape"', async () => {
    const pin = await createPin({ description: 'measured' });
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    const analytics = (start: string, end: string) =>
      rawCall(
        api(
          `/v5/pins/${String(pin.json.id)}/analytics?start_date=${start}&end_date=${end}&metric_types=IMPRESSION,SAVE`,
        ),
        { token },
      );
    expect((await analytics(day(91), day(0))).status).toBe(400);
    expect((await analytics(day(1), day(2))).status).toBe(400);
    expect((await analytics('2026/01/01', day(0))).json.message).toContain('YYYY-MM-DD');
    const answer = await analytics(day(3), day(0));
    expect(answer.status).toBe(200);
    const all = answer.json.all as {
      daily_metrics: { date: string; data_status: string; metrics: Record<string, number> }[];
      summary_metrics: Record<string, number>;
    };
    expect(all.daily_metrics).toHaveLength(4);
    expect(all.daily_metrics[0]).toMatchObject({
      date: day(3),
      data_status: 'READY',
      metrics: { IMPRESSION: 0, SAVE: 0 },
    });
    expect(all.summary_metrics).toEqual({ IMPRESSION: 0, SAVE: 0 });
    // The connector asks within the rules and reads the nested shape.
    p.setup.fake.state.pins.get(String(pin.json.id))!.counters.impressions = 7;
    const [metrics] = await p.connector.insights!.post!(p.credentials, { remoteIds: [String(pin.json.id)] });
    expect(metrics?.metrics.impressions).toBe(7);
  });

  it('"429 on category overflow; `{code,message}` error bodies"', async () => {
    const limited = await connectedPinterest({
      rateLimits: { perMinute: { org_read: 1000, org_write: 2, org_analytics: 300 } },
    });
    try {
      const before = limited.setup.fake.published().length;
      await limited.connector.publish!(limited.credentials, pinInput(limited.boardId));
      await limited.connector.publish!(limited.credentials, pinInput(limited.boardId));
      const error = await failureOf(
        limited.connector.publish!(limited.credentials, pinInput(limited.boardId)),
      );
      const classified = classifyError(error, 'publish');
      expect(classified.kind).toBe('rate-limited');
      expect((classified as RateLimitedError).retryAfter).toBeGreaterThan(0);
      expect(classified.message).toContain('org_write');
      // The overflowing request created nothing: a 429 is never a duplicate.
      expect(limited.setup.fake.published().length).toBe(before + 2);
      const raw = await rawCall(`${limited.setup.fake.url}/v5/pins`, {
        method: 'POST',
        token: limited.credentials.accessToken,
        json: { board_id: limited.boardId, media_source: image },
      });
      expect(raw.status).toBe(429);
      expect(raw.json).toEqual({ code: 429, message: expect.stringContaining('org_write') as string });
      // Another category still has budget.
      expect((await limited.connector.auth.verify(limited.credentials)).handle).toBe('chorusbrand');
    } finally {
      await limited.close();
    }
  });
});
