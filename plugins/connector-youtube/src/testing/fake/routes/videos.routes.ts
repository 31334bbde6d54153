import { googleError } from '../youtube-fake-http.js';
import { SCOPES, digits, type Route, type RouteDeps } from '../youtube-fake-routing.js';
import type { VideoRecord } from '../youtube-fake-state.js';

/** A video resource with the requested parts; `owner` sees processing details and private fields. */
export function renderVideo(video: VideoRecord, parts: readonly string[], owner: boolean, commentCount = 0) {
  return {
    kind: 'youtube#video',
    id: video.id,
    ...(parts.includes('snippet')
      ? {
          snippet: {
            publishedAt: video.publishedAt,
            channelId: video.channelId,
            title: video.title,
            description: video.description,
            tags: video.tags,
            categoryId: video.categoryId,
          },
        }
      : {}),
    ...(parts.includes('status')
      ? {
          status: {
            uploadStatus: video.uploadStatus,
            privacyStatus: video.privacyStatus,
            ...(video.publishAt ? { publishAt: video.publishAt } : {}),
            ...(video.failureReason && video.uploadStatus === 'failed'
              ? { failureReason: video.failureReason }
              : {}),
            ...(video.failureReason && video.uploadStatus === 'rejected'
              ? { rejectionReason: video.failureReason }
              : {}),
            selfDeclaredMadeForKids: video.madeForKids,
          },
        }
      : {}),
    ...(parts.includes('processingDetails') && owner
      ? { processingDetails: { processingStatus: video.processingStatus } }
      : {}),
    ...(parts.includes('statistics')
      ? {
          statistics: {
            viewCount: digits(video.views),
            likeCount: digits(video.likes),
            // Deprecated: always 0 (8.4); dislikeCount is no longer public and not sent.
            favoriteCount: '0',
            commentCount: digits(commentCount),
          },
        }
      : {}),
  };
}

/** videos.list (statistics, status, processing) and videos.delete (network-apis.md 8.2, 8.4). */
export function videosRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;

  /** One status check of a video still processing moves it on. */
  const advance = (video: VideoRecord) => {
    if (video.processingStatus !== 'processing') {
      return;
    }
    video.pollsLeft -= 1;
    if (video.pollsLeft > 0) {
      return;
    }
    const outcome = deps.takeProcessingOutcome();
    if (outcome) {
      video.uploadStatus = outcome.status;
      video.processingStatus = 'failed';
      video.failureReason = outcome.reason;
      return;
    }
    video.uploadStatus = 'processed';
    video.processingStatus = 'succeeded';
  };

  return [
    {
      method: 'GET',
      path: /^\/youtube\/v3\/videos$/u,
      auth: 'bearer',
      quota: 'videos.list',
      scopes: SCOPES.read.concat(SCOPES.upload),
      handle(exchange) {
        const query = exchange.url.searchParams;
        const parts = (query.get('part') ?? '')
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
        if (parts.length === 0) {
          return googleError(
            exchange,
            400,
            'required',
            'No filter selected. Expected one of: id, chart, myRating. Required parameter: part',
            'global',
          );
        }
        const ids = (query.get('id') ?? '').split(',').filter(Boolean);
        if (ids.length === 0) {
          return googleError(
            exchange,
            400,
            'missingRequiredParameter',
            'No filter selected. Expected one of: id, chart, myRating.',
          );
        }
        if (ids.length > 50) {
          return googleError(exchange, 400, 'invalidValue', 'At most 50 ids per request.');
        }
        const items = ids.flatMap((id) => {
          const video = state.videos.get(id);
          const owner = video?.channelId === exchange.channel!.id;
          if (!video || video.deleted || (!owner && video.privacyStatus === 'private')) {
            return [];
          }
          if (owner && (parts.includes('processingDetails') || parts.includes('status'))) {
            advance(video);
          }
          return [renderVideo(video, parts, owner, state.visibleComments(id).length)];
        });
        exchange.send(200, {
          kind: 'youtube#videoListResponse',
          items,
          pageInfo: { totalResults: items.length, resultsPerPage: items.length },
        });
      },
    },
    {
      method: 'DELETE',
      path: /^\/youtube\/v3\/videos$/u,
      auth: 'bearer',
      quota: 'videos.delete',
      scopes: SCOPES.manage,
      handle(exchange) {
        const video = state.videos.get(exchange.url.searchParams.get('id') ?? '');
        if (!video || video.deleted) {
          return googleError(
            exchange,
            404,
            'videoNotFound',
            'The video that you are trying to delete cannot be found.',
          );
        }
        if (video.channelId !== exchange.channel!.id) {
          return googleError(
            exchange,
            403,
            'forbidden',
            'The video that you are trying to delete cannot be deleted.',
          );
        }
        video.deleted = true;
        video.uploadStatus = 'deleted';
        for (const playlist of state.playlists.values()) {
          const index = playlist.items.findIndex((item) => item.videoId === video.id);
          if (index >= 0) {
            playlist.items.splice(index, 1);
          }
        }
        exchange.send(204);
      },
    },
  ];
}
