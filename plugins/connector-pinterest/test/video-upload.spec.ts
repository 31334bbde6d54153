import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import { sampleMedia, UPLOAD_PATH } from '../src/testing/index.js';
import {
  connectedPinterest,
  failureOf,
  pinInput,
  type ConnectedPinterest,
} from './support/connected-pinterest.js';

const video = () => ({ ...sampleMedia('video', 'video/mp4', 4000), altText: 'A clip' });

describe('Pinterest video pins through the media flow (network-apis.md 9.2)', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    p = await connectedPinterest({ processingPolls: 3 });
  });
  afterAll(() => p.close());

  it('waits through processing, then pins the video with an attached image as its cover', async () => {
    const cover = sampleMedia('image', 'image/png');
    const result = await p.connector.publish!(
      p.credentials,
      pinInput(p.boardId, { media: [video(), cover] }),
    );
    const pin = p.setup.fake.state.pins.get(result.remoteId)!;
    expect(pin.mediaType).toBe('video');
    expect(pin.mediaSource).toMatchObject({ source_type: 'video_id', cover_image_content_type: 'image/png' });
    expect(pin.altText).toBe('A clip');
    expect(result.url).toBe(`https://www.pinterest.com/pin/${result.remoteId}`);
    const polls = p.setup.fake.log.filter((entry) => /^\/v5\/media\/\d+$/u.test(entry.path));
    expect(polls.length).toBeGreaterThanOrEqual(4);
  });

  it('a video whose processing fails is invalid content, and no pin is created', async () => {
    const before = p.setup.fake.published().length;
    p.setup.fake.failNextProcessing();
    const error = await failureOf(
      p.connector.publish!(
        p.credentials,
        pinInput(p.boardId, { media: [video()], settings: { coverKeyFrameSeconds: 0 } }),
      ),
    );
    expect(classifyError(error, 'publish').kind).toBe('invalid-content');
    expect(String(error)).toContain('could not process the video');
    expect(p.setup.fake.published().length).toBe(before);
  });

  it('a video still processing after the timeout is retriable, not ambiguous: no pin exists', async () => {
    const slow = await connectedPinterest(
      { processingPolls: 1000 },
      { mediaTimeoutSeconds: 1, mediaPollMs: 50 },
    );
    try {
      const error = await failureOf(
        slow.connector.publish!(
          slow.credentials,
          pinInput(slow.boardId, { media: [video()], settings: { coverKeyFrameSeconds: 0 } }),
        ),
      );
      expect(classifyError(error, 'publish').kind).toBe('retriable');
      expect(String(error)).toContain('still processing');
      expect(slow.setup.fake.published()).toHaveLength(0);
    } finally {
      await slow.close();
    }
  });

  it('a file the storage refuses as too large is invalid content', async () => {
    const small = await connectedPinterest({ maxUploadBytes: 1000 });
    try {
      const error = await failureOf(
        small.connector.publish!(
          small.credentials,
          pinInput(small.boardId, { media: [video()], settings: { coverKeyFrameSeconds: 0 } }),
        ),
      );
      expect(classifyError(error, 'publish').kind).toBe('invalid-content');
      expect(String(error)).toContain('EntityTooLarge');
    } finally {
      await small.close();
    }
  });

  it('a server error while registering the media is retriable: registration is safe to repeat', async () => {
    p.setup.fake.injectFault({ kind: 'server-error', match: { method: 'POST', path: /^\/v5\/media$/u } });
    const error = await failureOf(
      p.connector.publish!(
        p.credentials,
        pinInput(p.boardId, { media: [video()], settings: { coverKeyFrameSeconds: 0 } }),
      ),
    );
    expect(classifyError(error, 'publish').kind).toBe('retriable');
  });

  it('a timeout on the upload is retriable, not ambiguous: the upload may have landed, but no pin exists', async () => {
    p.setup.fake.injectFault({
      kind: 'timeout-after-send',
      match: { method: 'POST', path: new RegExp(`^${UPLOAD_PATH}$`, 'u') },
    });
    const before = p.setup.fake.published().length;
    const input = pinInput(p.boardId, { media: [video()], settings: { coverKeyFrameSeconds: 0 } });
    const error = await failureOf(p.connector.publish!(p.credentials, input));
    expect(classifyError(error, 'publish').kind).toBe('retriable');
    expect(String(error)).toContain('no pin was created yet');
    expect(p.setup.fake.published().length).toBe(before);
    // The retry registers new media and publishes the pin once.
    await p.connector.publish!(p.credentials, input);
    expect(p.setup.fake.published().length).toBe(before + 1);
  });

  it('refuses video the network would reject before any upload: type, duration, aspect ratio, shape', async () => {
    const before = p.setup.fake.log.length;
    const cases = [
      [{ ...video(), mimeType: 'video/webm' }, 'media-type-not-allowed'],
      [{ ...video(), durationSeconds: 3 }, 'video-too-short'],
      [{ ...video(), durationSeconds: 901 }, 'video-too-long'],
      [{ ...video(), width: 1000, height: 2100 }, 'aspect-ratio-out-of-range'],
      [{ ...video(), width: 2000, height: 1000 }, 'aspect-ratio-out-of-range'],
    ] as const;
    for (const [media, code] of cases) {
      const error = await failureOf(
        p.connector.publish!(
          p.credentials,
          pinInput(p.boardId, { media: [media], settings: { coverKeyFrameSeconds: 0 } }),
        ),
      );
      expect(classifyError(error, 'publish').kind, code).toBe('invalid-content');
      expect(
        (error as { issues: { code: string }[] }).issues.map((issue) => issue.code),
        code,
      ).toContain(code);
    }
    const twoCovers = await p.connector.validate(
      pinInput(p.boardId, {
        media: [video(), sampleMedia('image', 'image/png'), sampleMedia('image', 'image/png')],
      }).post,
    );
    expect(twoCovers.map((issue) => issue.code)).toContain('pinterest:video-pin-shape');
    expect(p.setup.fake.log.length).toBe(before);
  });
});
