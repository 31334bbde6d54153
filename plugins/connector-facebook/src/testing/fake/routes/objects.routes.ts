import {
  graphError,
  invalidParameter,
  missingPermission,
  ok,
  unknownObject,
} from '@chorus/meta-graph/testing';
import {
  authorize,
  isResponse,
  pick,
  requestedFields,
  type Register,
  type RouteDeps,
} from '../route-deps.js';
import { renderComment, renderPage, renderPhoto, renderPost, renderVideo } from '../render.js';

/** GET, POST (edit, hide) and DELETE on any node id: Pages, posts, photos, videos, comments. */
export const registerObjectRoutes: Register = (router, deps) => {
  const { state } = deps;

  router.add('GET', '/:id', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const fields = requestedFields(request);
    const page = state.pages.get(id);
    if (page) {
      return ok(pick(renderPage(page), fields));
    }
    const post = state.livePost(id);
    if (post) {
      if (token.kind === 'user' && !post.viewers.includes(token.userId)) {
        post.viewers.push(token.userId);
      }
      return ok(pick(renderPost(state, post, token), fields));
    }
    const comment = state.liveComment(id);
    if (comment) {
      return ok(pick(renderComment(state, comment, token), fields));
    }
    const video = state.videos.get(id);
    if (video) {
      readVideoStatus(deps, id);
      return ok(pick(renderVideo(video), fields));
    }
    const photo = state.photos.get(id);
    if (photo) {
      return ok(pick(renderPhoto(photo), fields));
    }
    return unknownObject(id);
  });

  router.add('POST', '/:id', (request) => {
    const token = authorize(deps, request, { kind: 'page' });
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const comment = state.liveComment(id);
    if (comment && request.params.is_hidden !== undefined) {
      if (!token.scopes.includes('pages_manage_engagement')) {
        return graphError({
          code: 10,
          message: "(#10) This endpoint requires the 'pages_manage_engagement' permission",
          status: 403,
        });
      }
      if (state.posts.get(comment.postId)?.pageId !== token.pageId || comment.authorId === token.pageId) {
        return graphError({ code: 100, message: '(#100) This comment cannot be hidden' });
      }
      comment.hidden = request.params.is_hidden === 'true';
      return ok({ success: true });
    }
    const post = state.livePost(id);
    if (post && request.params.message !== undefined && post.pageId === token.pageId) {
      post.message = request.params.message;
      return ok({ success: true });
    }
    return comment || post ? invalidParameter('Nothing to update') : unknownObject(id);
  });

  router.add('DELETE', '/:id', (request) => {
    const token = authorize(deps, request, { kind: 'page' });
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const post = state.livePost(id);
    if (post && post.pageId === token.pageId) {
      post.deleted = true;
      return ok({ success: true });
    }
    const comment = state.liveComment(id);
    if (comment && state.posts.get(comment.postId)?.pageId === token.pageId) {
      // Moderating comments needs pages_manage_engagement (2.1), the Page's own comments included.
      if (!token.scopes.includes('pages_manage_engagement')) {
        return missingPermission('pages_manage_engagement');
      }
      comment.deleted = true;
      return ok({ success: true });
    }
    return unknownObject(id);
  });
};

/** Each status read moves processing on; once ready, the video becomes a Page post. */
function readVideoStatus(deps: RouteDeps, id: string): void {
  const video = deps.state.videos.get(id)!;
  if (!video.uploaded || !video.finished || video.failed) {
    return;
  }
  video.pollsLeft -= 1;
  if (video.pollsLeft <= 0 && video.postId === null) {
    const post = deps.state.createPost({
      pageId: video.pageId,
      authorId: video.pageId,
      kind: video.reel ? 'reel' : 'video',
      message: video.description,
      link: null,
      photoIds: [],
      videoId: video.id,
      scheduledFor: null,
    });
    video.postId = post.id;
    deps.state.published.push(post);
  }
}
