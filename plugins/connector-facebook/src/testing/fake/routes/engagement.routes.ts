import { graphError, invalidParameter, ok, page, unknownObject } from '@chorus/meta-graph/testing';
import { authorize, isResponse, pick, requestedFields, type Register } from '../route-deps.js';
import { graphTime, renderComment, renderPost, renderVideo } from '../render.js';

const DAY_MS = 86_400_000;

/** Posts, comments, mentions and Messenger (network-apis.md 2.3), cursor-paged. */
export const registerEngagementRoutes: Register = (router, deps) => {
  const { state } = deps;
  const self = (path: string) => `${deps.baseUrl()}/${deps.version()}${path}`;
  const seconds = (value: string | undefined) =>
    value === undefined ? undefined : /^\d+$/u.test(value) ? Number(value) * 1000 : Date.parse(value);

  router.add('GET', '/:page/published_posts', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_read_engagement' });
    if (isResponse(token)) {
      return token;
    }
    const since = seconds(request.params.since) ?? 0;
    const until = seconds(request.params.until) ?? Number.POSITIVE_INFINITY;
    const posts = [...state.posts.values()]
      .filter(
        (post) =>
          post.pageId === request.pathParams.page &&
          post.authorId === post.pageId &&
          !post.deleted &&
          post.scheduledFor === null,
      )
      .filter((post) => post.createdAt >= since && post.createdAt <= until)
      .reverse()
      .map((post) => pick(renderPost(state, post, token), requestedFields(request)));
    return ok(page(posts, request.query, self(request.path)));
  });

  // The Page's videos, newest first, whether processing or ready (2.2): a video is here before its post is.
  router.add('GET', '/:page/videos', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_read_engagement' });
    if (isResponse(token)) {
      return token;
    }
    const since = seconds(request.params.since) ?? 0;
    const until = seconds(request.params.until) ?? Number.POSITIVE_INFINITY;
    const videos = [...state.videos.values()]
      .filter((video) => video.pageId === request.pathParams.page)
      .filter((video) => video.createdAt >= since && video.createdAt <= until)
      .reverse()
      .map((video) => pick(renderVideo(video), requestedFields(request)));
    return ok(page(videos, request.query, self(request.path)));
  });

  router.add('GET', '/:page/tagged', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_read_user_content' });
    if (isResponse(token)) {
      return token;
    }
    const since = seconds(request.params.since) ?? 0;
    const posts = [...state.posts.values()]
      .filter(
        (post) => post.tags.includes(request.pathParams.page!) && !post.deleted && post.createdAt >= since,
      )
      .reverse()
      .map((post) => pick(renderPost(state, post, token), requestedFields(request)));
    return ok(page(posts, request.query, self(request.path)));
  });

  router.add('GET', '/:id/comments', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    if (!state.livePost(id) && !state.liveComment(id)) {
      return unknownObject(id);
    }
    const since = seconds(request.params.since) ?? 0;
    const stream = request.params.filter === 'stream';
    const below = (commentId: string | null): boolean => {
      const parent = commentId ? state.comments.get(commentId) : undefined;
      return parent ? parent.parentId === null || below(parent.parentId) : false;
    };
    let comments = [...state.comments.values()].filter((comment) => {
      if (comment.deleted || comment.createdAt < since) {
        return false;
      }
      if (state.livePost(id)) {
        return comment.postId === id && (stream || comment.parentId === null);
      }
      return comment.parentId === id || (stream && below(comment.parentId) && comment.parentId !== null);
    });
    if (request.params.order === 'reverse_chronological') {
      comments = comments.reverse();
    }
    const rendered = comments.map((comment) =>
      pick(renderComment(state, comment, token), requestedFields(request)),
    );
    const paged = page(rendered, request.query, self(request.path));
    return ok(
      request.params.summary === 'true' || request.params.summary === '1'
        ? {
            ...paged,
            summary: { total_count: rendered.length, order: request.params.order ?? 'chronological' },
          }
        : paged,
    );
  });

  router.add('POST', '/:id/comments', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const message = request.params.message ?? '';
    if (message.trim() === '' && !request.params.attachment_url) {
      return invalidParameter('Missing message or attachment');
    }
    const post = state.livePost(id);
    const parent = post ? undefined : state.liveComment(id);
    if (!post && !parent) {
      return unknownObject(id);
    }
    const authorId = token.kind === 'page' ? token.pageId! : token.userId;
    const comment = state.addComment(post?.id ?? parent!.postId, parent?.id ?? null, authorId, message);
    const pageId = state.posts.get(comment.postId)!.pageId;
    if (authorId !== pageId) {
      deps.notify({
        pageId,
        change: {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            post_id: comment.postId,
            comment_id: comment.id,
            parent_id: comment.parentId ?? comment.postId,
            from: { id: authorId, name: state.nameOf(authorId) },
            message,
            created_time: Math.floor(comment.createdAt / 1000),
          },
        },
      });
    }
    const fields = requestedFields(request);
    return ok(
      fields?.has('permalink_url')
        ? { id: comment.id, permalink_url: renderComment(state, comment, token).permalink_url }
        : { id: comment.id },
    );
  });

  router.add('POST', '/:id/likes', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const id = request.pathParams.id!;
    const who = token.kind === 'page' ? token.pageId! : token.userId;
    const target = state.liveComment(id)?.likes ?? state.livePost(id)?.reactions;
    if (!target) {
      return unknownObject(id);
    }
    target.add(who);
    return ok({ success: true });
  });

  router.add('GET', '/:page/conversations', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_messaging' });
    if (isResponse(token)) {
      return token;
    }
    const data = [...state.conversations.values()]
      .filter((item) => item.pageId === request.pathParams.page && item.messages.length > 0)
      .map((item) => ({ id: item.id, updated_time: graphTime(item.messages.at(-1)!.createdAt) }))
      .sort((a, b) => b.updated_time.localeCompare(a.updated_time));
    return ok(page(data, request.query, self(request.path)));
  });

  router.add('GET', '/:conversation/messages', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_messaging' });
    if (isResponse(token)) {
      return token;
    }
    const conversation = state.conversations.get(request.pathParams.conversation!);
    if (!conversation || conversation.pageId !== token.pageId) {
      return unknownObject(request.pathParams.conversation!);
    }
    const data = [...conversation.messages].reverse().map((message) => ({
      id: message.id,
      message: message.text,
      created_time: graphTime(message.createdAt),
      from: { id: message.fromId, name: state.nameOf(message.fromId) },
    }));
    return ok(page(data, request.query, self(request.path)));
  });

  router.add('POST', '/:page/messages', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_messaging' });
    if (isResponse(token)) {
      return token;
    }
    let recipient: { id?: string; comment_id?: string };
    let text: string | undefined;
    try {
      recipient = JSON.parse(request.params.recipient ?? '{}') as typeof recipient;
      text = (JSON.parse(request.params.message ?? '{}') as { text?: string }).text;
    } catch {
      return invalidParameter('recipient and message must be JSON objects');
    }
    if (!text) {
      return invalidParameter('message.text is required');
    }
    const now = state.now();
    let userId: string;
    if (recipient.comment_id) {
      const comment = state.liveComment(recipient.comment_id);
      if (!comment) {
        return unknownObject(recipient.comment_id);
      }
      if (comment.privateReplied) {
        return graphError({ code: 10900, message: '(#10900) Activity already replied to' });
      }
      if (now - comment.createdAt > 7 * DAY_MS) {
        return graphError({
          code: 10,
          subcode: 2018278,
          message: '(#10) This message is sent outside of allowed window.',
        });
      }
      comment.privateReplied = true;
      userId = comment.authorId;
    } else if (recipient.id) {
      const conversation = state.conversation(token.pageId!, recipient.id);
      const lastFromUser = conversation.messages.filter((message) => message.fromId === recipient.id).at(-1);
      if (!lastFromUser || now - lastFromUser.createdAt > DAY_MS) {
        return graphError({
          code: 10,
          subcode: 2018278,
          message: '(#10) This message is sent outside of allowed window.',
        });
      }
      userId = recipient.id;
    } else {
      return invalidParameter('recipient needs id or comment_id');
    }
    const message = { id: `m_${state.nextId()}`, fromId: token.pageId!, toId: userId, text, createdAt: now };
    state.conversation(token.pageId!, userId).messages.push(message);
    return ok({ recipient_id: userId, message_id: message.id });
  });
};
