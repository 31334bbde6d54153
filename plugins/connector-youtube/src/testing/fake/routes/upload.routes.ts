import { googleError, jsonBody } from '../youtube-fake-http.js';
import { SCOPES, dayOf, type Route, type RouteDeps } from '../youtube-fake-routing.js';
import { newId, type UploadSessionRecord, type VideoRecord } from '../youtube-fake-state.js';
import { readVideoInit } from '../youtube-fake-video-init.js';
import { renderVideo } from './videos.routes.js';

export const CHUNK_QUANTUM = 256 * 1024;
const THUMBNAIL_MAX = 2 * 1024 * 1024;

/** The resumable upload protocol (network-apis.md 8.2 steps 1 to 3) and thumbnails.set (step 5). */
export function uploadRoutes(deps: RouteDeps): Route[] {
  const { state, config } = deps;

  const rangeHeader = (session: UploadSessionRecord): Record<string, string> =>
    session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {};

  const complete = (session: UploadSessionRecord): VideoRecord => {
    const channel = state.channels.get(session.channelId)!;
    const init = session.resource;
    const video: VideoRecord = {
      ...init,
      // An unaudited project's uploads are private whatever was asked (8.2).
      privacyStatus: config.projectAudited ? init.privacyStatus : 'private',
      requestedPrivacy: init.privacyStatus,
      id: newId(11),
      channelId: session.channelId,
      publishedAt: deps.now().toISOString(),
      bytes: session.total,
      uploadStatus: 'uploaded',
      processingStatus: 'processing',
      pollsLeft: config.processingPolls,
      views: 0,
      likes: 0,
      commentsDisabled: false,
      thumbnail: null,
      deleted: false,
    };
    state.videos.set(video.id, video);
    state.published.push(video);
    state.playlists
      .get(channel.uploadsPlaylistId)
      ?.items.unshift({ videoId: video.id, publishedAt: video.publishedAt });
    session.videoId = video.id;
    deps.videoPublished(video, channel);
    return video;
  };

  return [
    {
      method: 'POST',
      path: /^\/upload\/youtube\/v3\/videos$/u,
      auth: 'bearer',
      quota: 'videos.insert',
      scopes: SCOPES.upload,
      handle(exchange) {
        const query = exchange.url.searchParams;
        if (query.get('uploadType') !== 'resumable') {
          return googleError(
            exchange,
            400,
            'invalidParameter',
            'This fake supports uploadType=resumable only.',
            'global',
          );
        }
        if (!(query.get('part') ?? '').split(',').includes('snippet')) {
          return googleError(
            exchange,
            400,
            'invalidPart',
            "The 'part' parameter must include snippet.",
            'global',
          );
        }
        const total = Number(exchange.headers['x-upload-content-length']);
        const type = String(exchange.headers['x-upload-content-type'] ?? '');
        if (!Number.isInteger(total) || total <= 0) {
          return googleError(
            exchange,
            400,
            'mediaBodyRequired',
            'The request does not include the video content.',
          );
        }
        if (!type.startsWith('video/')) {
          return googleError(
            exchange,
            400,
            'invalidVideoMetadata',
            `X-Upload-Content-Type ${type || '(none)'} is not video/*.`,
          );
        }
        const body = jsonBody(exchange);
        if (typeof body === 'string') {
          return googleError(exchange, 400, 'parseError', body, 'global');
        }
        const read = readVideoInit(body, deps.now());
        if ('reason' in read) {
          return googleError(exchange, 400, read.reason, read.message);
        }
        const channel = exchange.channel!;
        if (uploadsToday(deps, channel.id) >= config.channelDailyUploads) {
          return googleError(
            exchange,
            400,
            'uploadLimitExceeded',
            'The user has exceeded the number of videos they may upload.',
          );
        }
        const session: UploadSessionRecord = {
          id: newId(24),
          channelId: channel.id,
          clientId: exchange.token!.clientId,
          resource: read.init,
          total,
          contentType: type,
          createdAt: deps.now().getTime(),
          received: 0,
          expired: false,
        };
        state.sessions.set(session.id, session);
        const location = `${deps.baseUrl()}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${session.id}`;
        exchange.send(200, undefined, { location, 'x-guploader-uploadid': session.id });
      },
    },
    {
      method: 'PUT',
      path: /^\/upload\/youtube\/v3\/videos$/u,
      auth: 'none',
      handle(exchange) {
        const session = state.sessions.get(exchange.url.searchParams.get('upload_id') ?? '');
        if (!session) {
          return googleError(exchange, 404, 'notFound', 'No upload session with this upload_id.', 'global');
        }
        if (session.expired || deps.now().getTime() - session.createdAt > config.sessionLifetimeMs) {
          return googleError(
            exchange,
            410,
            'gone',
            'The upload session has expired; start a new one.',
            'global',
          );
        }
        const range = String(exchange.headers['content-range'] ?? '');
        const probe = /^bytes \*\/(\d+)$/u.exec(range);
        const done = session.videoId ? state.videos.get(session.videoId) : undefined;
        if (probe) {
          if (done) {
            return exchange.send(200, renderVideo(done, ['snippet', 'status'], true));
          }
          return exchange.send(308, undefined, rangeHeader(session));
        }
        const chunk = /^bytes (\d+)-(\d+)\/(\d+)$/u.exec(range);
        if (!chunk) {
          return googleError(
            exchange,
            400,
            'badRequest',
            `Content-Range "${range}" is not bytes <start>-<end>/<total> or bytes */<total>.`,
            'global',
          );
        }
        const [start, end, total] = [Number(chunk[1]), Number(chunk[2]), Number(chunk[3])];
        const length = end - start + 1;
        if (total !== session.total || end >= total || length !== exchange.rawBody.length) {
          return googleError(
            exchange,
            400,
            'badRequest',
            'Content-Range does not match the body or the announced length.',
            'global',
          );
        }
        if (done) {
          return exchange.send(200, renderVideo(done, ['snippet', 'status'], true));
        }
        if (start > session.received) {
          return googleError(
            exchange,
            400,
            'badRequest',
            `The upload has ${session.received} bytes; the next chunk must start there.`,
            'global',
          );
        }
        const last = end + 1 === total;
        if (!last && length % CHUNK_QUANTUM !== 0) {
          return googleError(
            exchange,
            400,
            'badRequest',
            'Every chunk but the last must be a multiple of 256 KiB (262,144 bytes).',
            'global',
          );
        }
        session.received = Math.max(session.received, end + 1);
        if (!last) {
          return exchange.send(308, undefined, rangeHeader(session));
        }
        exchange.send(201, renderVideo(complete(session), ['snippet', 'status'], true));
      },
    },
    {
      method: 'POST',
      path: /^\/upload\/youtube\/v3\/thumbnails\/set$/u,
      auth: 'bearer',
      quota: 'thumbnails.set',
      scopes: SCOPES.manage.concat(SCOPES.upload),
      handle(exchange) {
        const video = state.videos.get(exchange.url.searchParams.get('videoId') ?? '');
        if (!video || video.deleted) {
          return googleError(
            exchange,
            404,
            'videoNotFound',
            'The video that you are trying to update cannot be found.',
          );
        }
        if (video.channelId !== exchange.channel!.id) {
          return googleError(exchange, 403, 'forbidden', 'The thumbnail cannot be set for this video.');
        }
        if (!exchange.channel!.verified) {
          return googleError(
            exchange,
            403,
            'forbidden',
            'The authenticated user doesnt have permissions for uploading and setting custom video thumbnails (youtube.thumbnail).',
          );
        }
        const type = String(exchange.headers['content-type'] ?? '').split(';')[0];
        if (type !== 'image/jpeg' && type !== 'image/png') {
          return googleError(exchange, 400, 'imageFormatUnsupported', "The image's content isn't supported.");
        }
        if (exchange.rawBody.length === 0 || exchange.rawBody.length > THUMBNAIL_MAX) {
          return googleError(
            exchange,
            400,
            'failedPrecondition',
            'The thumbnail image is empty or larger than 2 MB.',
            'global',
          );
        }
        video.thumbnail = `https://i.ytimg.com/vi/${video.id}/custom.jpg`;
        exchange.send(200, {
          kind: 'youtube#thumbnailSetResponse',
          items: [{ default: { url: video.thumbnail } }],
        });
      },
    },
  ];
}

export const uploadsToday = (deps: RouteDeps, channelId: string) =>
  deps.state.published.filter(
    (video) => video.channelId === channelId && video.publishedAt.startsWith(dayOf(deps.now())),
  ).length;
