import { googleError, jsonBody, page, stringAt, type Exchange } from '../youtube-fake-http.js';
import { SCOPES, dayOf, type Route, type RouteDeps } from '../youtube-fake-routing.js';
import { newId, type CommentRecord } from '../youtube-fake-state.js';

const MODERATION = new Set(['heldForReview', 'published', 'rejected']);
// The replies part of a thread carries only some replies (8.3).
const REPLIES_IN_THREAD = 5;

function renderComment(comment: CommentRecord, html: boolean) {
  return {
    kind: 'youtube#comment',
    id: comment.id,
    snippet: {
      videoId: comment.videoId,
      textDisplay: html ? comment.text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;') : comment.text,
      textOriginal: comment.text,
      authorDisplayName: comment.authorName,
      authorChannelUrl: `http://www.youtube.com/channel/${comment.authorChannelId}`,
      authorChannelId: { value: comment.authorChannelId },
      ...(comment.parentId ? { parentId: comment.parentId } : {}),
      likeCount: comment.likes,
      viewerRating: 'none',
      canRate: true,
      publishedAt: comment.publishedAt,
      updatedAt: comment.updatedAt,
      moderationStatus: comment.moderationStatus,
    },
  };
}

/** commentThreads and comments: list, insert, moderate, delete (network-apis.md 8.3). */
export function commentsRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  const textFormatHtml = (exchange: Exchange) => exchange.url.searchParams.get('textFormat') !== 'plainText';

  const create = (exchange: Exchange, videoId: string, text: string, parentId: string | null) => {
    const now = deps.now().toISOString();
    const comment: CommentRecord = {
      id: parentId ? `${parentId}.${newId(22)}` : `Ug${newId(24)}`,
      videoId,
      authorChannelId: exchange.channel!.id,
      authorName: exchange.channel!.title,
      text,
      parentId,
      publishedAt: now,
      updatedAt: now,
      moderationStatus: 'published',
      deleted: false,
      likes: 0,
    };
    state.comments.set(comment.id, comment);
    const video = state.videos.get(videoId);
    if (video) {
      state.count(video.channelId, dayOf(deps.now()), 'comments');
    }
    return comment;
  };

  const live = (id: string) => {
    const comment = state.comments.get(id);
    return comment && !comment.deleted ? comment : undefined;
  };

  const threadOf = (top: CommentRecord, owner: boolean, html: boolean) => {
    const replies = [...state.comments.values()]
      .filter(
        (reply) =>
          reply.parentId === top.id && !reply.deleted && (owner || reply.moderationStatus === 'published'),
      )
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    return {
      kind: 'youtube#commentThread',
      id: top.id,
      snippet: {
        videoId: top.videoId,
        topLevelComment: renderComment(top, html),
        canReply: true,
        totalReplyCount: replies.length,
        isPublic: true,
      },
      ...(replies.length > 0
        ? {
            replies: {
              comments: replies.slice(-REPLIES_IN_THREAD).map((reply) => renderComment(reply, html)),
            },
          }
        : {}),
    };
  };

  return [
    {
      method: 'GET',
      path: /^\/youtube\/v3\/commentThreads$/u,
      auth: 'bearer',
      quota: 'commentThreads.list',
      scopes: SCOPES.read,
      handle(exchange) {
        const query = exchange.url.searchParams;
        const videoId = query.get('videoId');
        const channelId = query.get('allThreadsRelatedToChannelId');
        if (!videoId === !channelId) {
          return googleError(
            exchange,
            400,
            'missingRequiredParameter',
            'Give exactly one of videoId and allThreadsRelatedToChannelId.',
          );
        }
        const video = videoId ? state.videos.get(videoId) : undefined;
        if (videoId && (!video || video.deleted)) {
          return googleError(
            exchange,
            404,
            'videoNotFound',
            'The video identified by the videoId parameter could not be found.',
          );
        }
        if (video?.commentsDisabled) {
          return googleError(
            exchange,
            403,
            'commentsDisabled',
            'The video identified by the videoId parameter has disabled comments.',
          );
        }
        const status = query.get('moderationStatus') ?? 'published';
        const ownerOf = (id: string) => state.videos.get(id)?.channelId === exchange.channel!.id;
        if (status !== 'published' && !(video ? ownerOf(video.id) : channelId === exchange.channel!.id)) {
          return googleError(
            exchange,
            403,
            'forbidden',
            'Only the channel owner can list comments held for review.',
          );
        }
        const tops = [...state.comments.values()]
          .filter(
            (comment) => comment.parentId === null && !comment.deleted && comment.moderationStatus === status,
          )
          .filter((comment) =>
            video ? comment.videoId === video.id : state.videos.get(comment.videoId)?.channelId === channelId,
          )
          .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id));
        const slice = page(tops, exchange.url, 20, 100);
        if (!slice) {
          return googleError(
            exchange,
            400,
            'invalidValue',
            'maxResults must be 1..100 and pageToken one this API gave.',
            'global',
          );
        }
        exchange.send(200, {
          kind: 'youtube#commentThreadListResponse',
          items: slice.slice.map((top) => threadOf(top, ownerOf(top.videoId), textFormatHtml(exchange))),
          ...(slice.next ? { nextPageToken: slice.next } : {}),
          pageInfo: { totalResults: slice.total, resultsPerPage: slice.size },
        });
      },
    },
    {
      method: 'POST',
      path: /^\/youtube\/v3\/commentThreads$/u,
      auth: 'bearer',
      quota: 'commentThreads.insert',
      scopes: SCOPES.comment,
      handle(exchange) {
        const body = jsonBody(exchange);
        if (typeof body === 'string') {
          return googleError(exchange, 400, 'parseError', body, 'global');
        }
        const videoId = stringAt(body, 'snippet', 'videoId') ?? '';
        const text = stringAt(body, 'snippet', 'topLevelComment', 'snippet', 'textOriginal') ?? '';
        const video = state.videos.get(videoId);
        if (!video || video.deleted) {
          return googleError(exchange, 404, 'videoNotFound', 'The specified video could not be found.');
        }
        if (video.commentsDisabled) {
          return googleError(exchange, 403, 'commentsDisabled', 'The video has disabled comments.');
        }
        if (text.trim() === '') {
          return googleError(
            exchange,
            400,
            'commentTextRequired',
            'The comment resource must contain a value for snippet.topLevelComment.snippet.textOriginal.',
          );
        }
        const top = create(exchange, videoId, text, null);
        exchange.send(200, threadOf(top, true, false));
      },
    },
    {
      method: 'GET',
      path: /^\/youtube\/v3\/comments$/u,
      auth: 'bearer',
      quota: 'comments.list',
      scopes: SCOPES.read,
      handle(exchange) {
        const query = exchange.url.searchParams;
        const parentId = query.get('parentId');
        const ids = (query.get('id') ?? '').split(',').filter(Boolean);
        if (!parentId && ids.length === 0) {
          return googleError(exchange, 400, 'missingRequiredParameter', 'Give id or parentId.');
        }
        const ownerOf = (comment: CommentRecord) =>
          state.videos.get(comment.videoId)?.channelId === exchange.channel!.id;
        const found = parentId
          ? [...state.comments.values()]
              .filter((comment) => comment.parentId === parentId && !comment.deleted)
              .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
          : ids.flatMap((id) => live(id) ?? []);
        const visible = found.filter(
          (comment) => comment.moderationStatus === 'published' || ownerOf(comment),
        );
        const slice = page(visible, exchange.url, 20, 100);
        if (!slice) {
          return googleError(
            exchange,
            400,
            'invalidValue',
            'maxResults must be 1..100 and pageToken one this API gave.',
            'global',
          );
        }
        exchange.send(200, {
          kind: 'youtube#commentListResponse',
          items: slice.slice.map((comment) => renderComment(comment, textFormatHtml(exchange))),
          ...(slice.next ? { nextPageToken: slice.next } : {}),
        });
      },
    },
    {
      method: 'POST',
      path: /^\/youtube\/v3\/comments$/u,
      auth: 'bearer',
      quota: 'comments.insert',
      scopes: SCOPES.comment,
      handle(exchange) {
        const body = jsonBody(exchange);
        if (typeof body === 'string') {
          return googleError(exchange, 400, 'parseError', body, 'global');
        }
        const parent = live(stringAt(body, 'snippet', 'parentId') ?? '');
        const text = stringAt(body, 'snippet', 'textOriginal') ?? '';
        if (!parent || parent.parentId !== null) {
          return googleError(
            exchange,
            404,
            'commentNotFound',
            'The parent comment (a top-level comment) could not be found.',
          );
        }
        if (state.videos.get(parent.videoId)?.commentsDisabled) {
          return googleError(exchange, 403, 'commentsDisabled', 'The video has disabled comments.');
        }
        if (text.trim() === '') {
          return googleError(exchange, 400, 'commentTextRequired', 'snippet.textOriginal is required.');
        }
        exchange.send(200, renderComment(create(exchange, parent.videoId, text, parent.id), false));
      },
    },
    {
      method: 'POST',
      path: /^\/youtube\/v3\/comments\/setModerationStatus$/u,
      auth: 'bearer',
      quota: 'comments.setModerationStatus',
      scopes: SCOPES.comment,
      handle(exchange) {
        const query = exchange.url.searchParams;
        const status = query.get('moderationStatus') ?? '';
        if (!MODERATION.has(status)) {
          return googleError(
            exchange,
            400,
            'invalidModerationStatus',
            'moderationStatus must be heldForReview, published or rejected.',
          );
        }
        const comments = (query.get('id') ?? '')
          .split(',')
          .filter(Boolean)
          .map((id) => live(id));
        if (comments.length === 0 || comments.some((comment) => !comment)) {
          return googleError(exchange, 404, 'commentNotFound', 'One of the comments cannot be found.');
        }
        if (
          comments.some((comment) => state.videos.get(comment!.videoId)?.channelId !== exchange.channel!.id)
        ) {
          return googleError(
            exchange,
            403,
            'forbidden',
            'Only the owner of the video can moderate its comments.',
          );
        }
        for (const comment of comments) {
          comment!.moderationStatus = status as CommentRecord['moderationStatus'];
        }
        exchange.send(204);
      },
    },
    {
      method: 'DELETE',
      path: /^\/youtube\/v3\/comments$/u,
      auth: 'bearer',
      quota: 'comments.delete',
      scopes: SCOPES.comment,
      handle(exchange) {
        const comment = live(exchange.url.searchParams.get('id') ?? '');
        if (!comment) {
          return googleError(exchange, 404, 'commentNotFound', 'The comment cannot be found.');
        }
        if (comment.authorChannelId !== exchange.channel!.id) {
          return googleError(
            exchange,
            403,
            'forbidden',
            'Only the author can delete a comment; the video owner rejects it instead.',
          );
        }
        comment.deleted = true;
        exchange.send(204);
      },
    },
  ];
}
