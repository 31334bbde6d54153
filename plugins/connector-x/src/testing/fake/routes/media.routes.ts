import { invalidRequest, problem, stringField, type Exchange } from '../x-fake-http.js';
import type { Route, RouteDeps } from '../x-fake-routing.js';
import { nextId, type MediaRecord } from '../x-fake-state.js';

const MB = 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const CATEGORIES = [
  'tweet_image',
  'tweet_gif',
  'tweet_video',
  'dm_image',
  'dm_gif',
  'dm_video',
  'subtitles',
  'amplify_video',
];
const MAX_SEGMENT_INDEX = 999;

/** Size limits per kind (network-apis.md 5.2): image 5 MB, GIF 15 MB, video 512 MB. */
function sizeLimit(mediaType: string, category: string): number {
  if (mediaType.startsWith('video/')) {
    return 512 * MB;
  }
  return mediaType === 'image/gif' && category.endsWith('gif') ? 15 * MB : 5 * MB;
}

const mediaKeyPrefix = (media: { mediaType: string; category: string }) =>
  media.mediaType.startsWith('video/') ? '7_' : media.category.endsWith('gif') ? '16_' : '3_';

/** Simple and chunked uploads, asynchronous processing, alt text. */
export function mediaRoutes(deps: RouteDeps & { failNextProcessing(): boolean }): Route[] {
  const { state, config } = deps;

  const created = (exchange: Exchange, media: MediaRecord, extra: Record<string, unknown> = {}) =>
    exchange.send(200, {
      data: {
        id: media.id,
        media_key: media.mediaKey,
        expires_after_secs: Math.max(0, Math.round((media.expiresAt - Date.now()) / 1000)),
        ...extra,
      },
    });

  const owned = (exchange: Exchange, id: string): MediaRecord | undefined => {
    const media = state.media.get(id);
    if (!media || media.ownerId !== exchange.user!.id || media.expiresAt < Date.now()) {
      problem(
        exchange,
        400,
        'invalid-request',
        'Invalid Request',
        `Media id ${id} is unknown or has expired.`,
      );
      return undefined;
    }
    return media;
  };

  const newMedia = (
    exchange: Exchange,
    mediaType: string,
    category: string,
    totalBytes: number,
  ): MediaRecord => {
    const id = nextId();
    const media: MediaRecord = {
      id,
      mediaKey: `${mediaKeyPrefix({ mediaType, category })}${id}`,
      ownerId: exchange.user!.id,
      mediaType,
      category,
      totalBytes,
      segments: new Map(),
      expiresAt: Date.now() + config.mediaExpiresAfterSecs * 1000,
      state: 'initialized',
      statusChecks: 0,
      willFail: false,
      altText: null,
    };
    state.media.set(id, media);
    return media;
  };

  const processingInfo = (media: MediaRecord) => ({
    state: media.state,
    ...(media.state === 'pending' || media.state === 'in_progress'
      ? { check_after_secs: config.checkAfterSecs }
      : {}),
    ...(media.state === 'in_progress' ? { progress_percent: 50 } : {}),
    ...(media.state === 'succeeded' ? { progress_percent: 100 } : {}),
    ...(media.state === 'failed'
      ? { error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' } }
      : {}),
  });

  return [
    {
      method: 'POST',
      path: /^\/2\/media\/upload$/u,
      endpoint: 'media.upload',
      auth: 'user',
      scopes: ['media.write'],
      handle(exchange) {
        const file = exchange.files.media;
        const category = stringField(exchange.body, 'media_category') ?? 'tweet_image';
        if (!file) {
          return invalidRequest(exchange, 'The `media` field is required (multipart/form-data).');
        }
        if (!IMAGE_TYPES.includes(file.type) || !CATEGORIES.includes(category)) {
          return invalidRequest(
            exchange,
            `Simple upload takes images (JPG, PNG, GIF, WEBP); got ${file.type || 'no type'}.`,
          );
        }
        if (file.data.length > sizeLimit(file.type, category)) {
          return invalidRequest(exchange, 'File size exceeds 5242880 bytes.');
        }
        const media = newMedia(exchange, file.type, category, file.data.length);
        media.segments.set(0, file.data.length);
        media.state = 'succeeded';
        created(exchange, media, { size: file.data.length });
      },
    },
    {
      method: 'POST',
      path: /^\/2\/media\/upload\/initialize$/u,
      endpoint: 'media.initialize',
      auth: 'user',
      scopes: ['media.write'],
      handle(exchange) {
        const mediaType = stringField(exchange.body, 'media_type') ?? '';
        const category = stringField(exchange.body, 'media_category') ?? '';
        const total = exchange.body.total_bytes;
        if (!/^(image|video)\/[a-z0-9.+-]+$/u.test(mediaType) || !CATEGORIES.includes(category)) {
          return invalidRequest(exchange, 'media_type and a known media_category are required.');
        }
        if (typeof total !== 'number' || !Number.isInteger(total) || total <= 0) {
          return invalidRequest(exchange, 'total_bytes must be a positive integer.');
        }
        if (total > sizeLimit(mediaType, category)) {
          return invalidRequest(exchange, `File size exceeds ${sizeLimit(mediaType, category)} bytes.`);
        }
        created(exchange, newMedia(exchange, mediaType, category, total));
      },
    },
    {
      method: 'POST',
      path: /^\/2\/media\/upload\/(\d+)\/append$/u,
      endpoint: 'media.append',
      auth: 'user',
      scopes: ['media.write'],
      handle(exchange, [id]) {
        const media = owned(exchange, id!);
        if (!media) {
          return;
        }
        const index = Number(stringField(exchange.body, 'segment_index'));
        const chunk = exchange.files.media;
        if (!Number.isInteger(index) || index < 0 || index > MAX_SEGMENT_INDEX) {
          return invalidRequest(exchange, `segment_index must be an integer from 0 to ${MAX_SEGMENT_INDEX}.`);
        }
        if (!chunk || media.state !== 'initialized') {
          return invalidRequest(exchange, 'A `media` chunk is required, before FINALIZE.');
        }
        media.segments.set(index, chunk.data.length);
        exchange.send(204);
      },
    },
    {
      method: 'POST',
      path: /^\/2\/media\/upload\/(\d+)\/finalize$/u,
      endpoint: 'media.finalize',
      auth: 'user',
      scopes: ['media.write'],
      handle(exchange, [id]) {
        const media = owned(exchange, id!);
        if (!media) {
          return;
        }
        const received = [...media.segments.values()].reduce((sum, size) => sum + size, 0);
        if (received !== media.totalBytes) {
          return invalidRequest(
            exchange,
            `File size mismatch: received ${received} of ${media.totalBytes} bytes.`,
          );
        }
        const processed = media.mediaType.startsWith('video/') || media.category.endsWith('gif');
        media.willFail = processed && deps.failNextProcessing();
        media.state = processed ? 'pending' : 'succeeded';
        created(exchange, media, processed ? { processing_info: processingInfo(media) } : {});
      },
    },
    {
      method: 'GET',
      path: /^\/2\/media\/upload$/u,
      endpoint: 'media.status',
      auth: 'user',
      scopes: ['media.write'],
      handle(exchange) {
        const query = exchange.url.searchParams;
        if (query.get('command') !== 'STATUS') {
          return invalidRequest(exchange, 'command=STATUS and media_id are required.');
        }
        const media = owned(exchange, query.get('media_id') ?? '');
        if (!media) {
          return;
        }
        // pending for `processingPolls` checks, then in_progress as long, then succeeded (or failed).
        media.statusChecks += 1;
        if (media.state === 'pending' || media.state === 'in_progress') {
          const polls = config.processingPolls;
          const done = media.willFail ? 'failed' : 'succeeded';
          media.state =
            media.statusChecks < polls ? 'pending' : media.statusChecks < 2 * polls ? 'in_progress' : done;
        }
        exchange.send(200, {
          data: { id: media.id, media_key: media.mediaKey, processing_info: processingInfo(media) },
        });
      },
    },
    {
      method: 'POST',
      path: /^\/2\/media\/metadata$/u,
      endpoint: 'media.metadata',
      auth: 'user',
      scopes: ['media.write'],
      handle(exchange) {
        const id = stringField(exchange.body, 'id') ?? '';
        const text = (exchange.body.metadata as { alt_text?: { text?: unknown } } | undefined)?.alt_text
          ?.text;
        if (typeof text !== 'string' || text.length > 1000) {
          return invalidRequest(
            exchange,
            'metadata.alt_text.text must be a string of at most 1000 characters.',
          );
        }
        const media = owned(exchange, id);
        if (!media) {
          return;
        }
        media.altText = text;
        exchange.send(200, { data: { id, associated_metadata: { alt_text: { text } } } });
      },
    },
  ];
}
