import { graphError, invalidParameter, ok, page, unknownObject } from '@chorus/meta-graph/testing';
import type { ContainerRecord, PostRecord } from '../threads-state.js';
import { authorize, isResponse, type Register, type RouteDeps } from '../route-deps.js';

const MAX_TEXT = 500;
const MAX_CHILDREN = 20;
const DELETES_PER_DAY = 100;

/**
 * Threads' 500 characters (4.2), independent of the connector's counting: an emoji (a pictograph, a flag, a
 * keycap, with its modifiers and joiners) weighs its UTF-8 length; any other character one per code point, so a
 * combining mark counts on its own and a CJK ideograph once.
 */
function textLength(text: string): number {
  let length = 0;
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    length += /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(segment)
      ? Buffer.byteLength(segment, 'utf8')
      : [...segment].length;
  }
  return length;
}

/** Containers, threads_publish, the publishing limit, post lists and deletion (network-apis.md 4.2). */
export const registerPublishRoutes: Register = (router, deps) => {
  const { state, config } = deps;

  router.add('POST', '/:user/threads', (request) => {
    const token = authorize(deps, request, 'threads_content_publish');
    if (isResponse(token)) {
      return token;
    }
    const p = request.params;
    const mediaType = (p.media_type ?? 'TEXT') as ContainerRecord['mediaType'];
    const text = p.text ?? '';
    if (textLength(text) > MAX_TEXT) {
      return invalidParameter(`Param text must be at most ${MAX_TEXT} characters long.`);
    }
    if (mediaType === 'TEXT' && text.trim() === '') {
      return invalidParameter('Param text is required for TEXT posts');
    }
    const children = (p.children ?? '').split(',').filter(Boolean);
    if (mediaType === 'CAROUSEL' && (children.length < 2 || children.length > MAX_CHILDREN)) {
      return invalidParameter(`A carousel has 2 to ${MAX_CHILDREN} children`);
    }
    const url = p.image_url ?? p.video_url;
    if ((mediaType === 'IMAGE' || mediaType === 'VIDEO') && !url) {
      return invalidParameter('image_url or video_url is required');
    }
    if (url && !/^https:\/\//u.test(url)) {
      return graphError({ code: 100, message: 'The media could not be fetched from this URI' });
    }
    if (p.reply_to_id && !state.livePost(p.reply_to_id)) {
      return unknownObject(p.reply_to_id);
    }
    const container: ContainerRecord = {
      id: state.nextId(),
      ownerId: token.subject,
      mediaType,
      text,
      altText: p.alt_text ?? null,
      link: p.link_attachment ?? null,
      carouselItem: p.is_carousel_item === 'true',
      children,
      replyToId: p.reply_to_id ?? null,
      createdAt: state.now(),
      status: mediaType === 'VIDEO' ? 'IN_PROGRESS' : 'FINISHED',
      errorMessage: null,
      pollsLeft: mediaType === 'VIDEO' ? config.videoPolls : 0,
    };
    if (url?.endsWith('.avi')) {
      container.errorMessage = 'The video format is not supported (2207026)';
    }
    state.containers.set(container.id, container);
    return ok({ id: container.id });
  });

  router.add('POST', '/:user/threads_publish', (request) => {
    const token = authorize(deps, request, 'threads_content_publish');
    if (isResponse(token)) {
      return token;
    }
    const container = state.containers.get(request.params.creation_id ?? '');
    if (!container || container.ownerId !== token.subject) {
      return invalidParameter('Invalid creation_id');
    }
    if (container.status === 'PUBLISHED') {
      return graphError({ code: 100, message: 'The container has already been published' });
    }
    if (container.status !== 'FINISHED' || container.carouselItem) {
      return graphError({ code: 24, subcode: 4279009, message: 'The media is not ready to be published' });
    }
    const reply = container.replyToId !== null;
    const [used, quota] = reply
      ? [state.usage(token.subject, true), config.replyQuota]
      : [state.usage(token.subject, false), config.postQuota];
    if (used >= quota) {
      return graphError({
        code: 4,
        subcode: 2207042,
        message: `You reached the limit of ${quota} ${reply ? 'replies' : 'posts'} in 24 hours`,
      });
    }
    const post = publish(deps, container);
    return ok({ id: post.id });
  });

  router.add('GET', '/:user/threads_publishing_limit', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const user = request.pathParams.user === 'me' ? token.subject : request.pathParams.user!;
    return ok({
      data: [
        {
          quota_usage: state.usage(user, false),
          config: { quota_total: config.postQuota, quota_duration: 86_400 },
          reply_quota_usage: state.usage(user, true),
          reply_config: { quota_total: config.replyQuota, quota_duration: 86_400 },
        },
      ],
    });
  });

  router.add('GET', '/:user/threads', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const user = request.pathParams.user === 'me' ? token.subject : request.pathParams.user!;
    const since = request.params.since ? Number(request.params.since) * 1000 : 0;
    const until = request.params.until ? Number(request.params.until) * 1000 : Infinity;
    const items = [...state.posts.values()]
      .filter(
        (post) =>
          post.ownerId === user &&
          post.replyToId === null &&
          !post.deleted &&
          post.timestamp >= since &&
          post.timestamp <= until,
      )
      .reverse()
      .map((post) => renderPost(post, deps));
    return ok(page(items, request.query, `${deps.baseUrl()}/v1.0${request.path}`));
  });

  router.add('DELETE', '/:id', (request) => {
    const token = authorize(deps, request, 'threads_delete');
    if (isResponse(token)) {
      return token;
    }
    const post = state.livePost(request.pathParams.id!);
    if (!post || post.ownerId !== token.subject) {
      return unknownObject(request.pathParams.id!);
    }
    const recent = (state.deletions.get(token.subject) ?? []).filter(
      (time) => time > state.now() - 86_400_000,
    );
    if (recent.length >= DELETES_PER_DAY) {
      return graphError({ code: 4, message: 'Too many deletions in 24 hours' });
    }
    state.deletions.set(token.subject, [...recent, state.now()]);
    post.deleted = true;
    return ok({ success: true, deleted_id: post.id });
  });
};

function publish(deps: RouteDeps, container: ContainerRecord): PostRecord {
  const { state } = deps;
  const parent = container.replyToId ? state.posts.get(container.replyToId) : undefined;
  const children = container.children.map((id) => state.containers.get(id)!);
  const id = state.nextId();
  const post: PostRecord = {
    id,
    ownerId: container.ownerId,
    mediaType:
      container.mediaType === 'TEXT'
        ? 'TEXT_POST'
        : container.mediaType === 'CAROUSEL'
          ? 'CAROUSEL_ALBUM'
          : container.mediaType,
    text: container.text,
    altTexts:
      container.mediaType === 'CAROUSEL'
        ? children.map((child) => child.altText)
        : container.mediaType === 'TEXT'
          ? []
          : [container.altText],
    link: container.link ?? /https?:\/\/\S+/u.exec(container.text)?.[0] ?? null,
    replyToId: container.replyToId,
    rootId: parent?.rootId ?? id,
    timestamp: state.now(),
    shortcode: Math.random().toString(36).slice(2, 13),
    likes: new Set(),
    reposts: 0,
    viewers: new Set(),
    mentions: [...container.text.matchAll(/@([\w.]+)/gu)].map((match) => match[1]!),
    hidden: false,
    deleted: false,
  };
  state.posts.set(id, post);
  state.published.push(post);
  state.publishes.set(post.ownerId, [
    ...(state.publishes.get(post.ownerId) ?? []),
    { at: state.now(), reply: post.replyToId !== null },
  ]);
  container.status = 'PUBLISHED';
  notifyAbout(deps, post);
  return post;
}

/** A reply to someone's post, or a mention of them, becomes a webhook for that someone. */
export function notifyAbout(deps: RouteDeps, post: PostRecord): void {
  const value = renderPost(post, deps);
  const root = deps.state.posts.get(post.rootId);
  if (post.replyToId && root && root.ownerId !== post.ownerId) {
    deps.notify(root.ownerId, 'replies', value);
  }
  for (const username of post.mentions) {
    const user = [...deps.state.users.values()].find((item) => item.username === username);
    if (user && user.id !== post.ownerId) {
      deps.notify(user.id, 'mentions', value);
    }
  }
}

export function renderPost(post: PostRecord, deps: RouteDeps) {
  const owner = deps.state.users.get(post.ownerId);
  return {
    id: post.id,
    text: post.text,
    username: owner?.username,
    media_type: post.mediaType,
    permalink: `https://www.threads.net/@${owner?.username ?? 'user'}/post/${post.shortcode}`,
    shortcode: post.shortcode,
    timestamp: new Date(post.timestamp).toISOString().replace(/\.\d{3}Z$/u, '+0000'),
    is_reply: post.replyToId !== null,
    hide_status: post.hidden ? 'HIDDEN' : 'NOT_HUSHED',
    alt_text: post.altTexts[0] ?? null,
    link_attachment_url: post.link,
    ...(post.replyToId
      ? {
          replied_to: { id: post.replyToId },
          root_post: { id: post.rootId, owner_id: deps.state.posts.get(post.rootId)?.ownerId },
        }
      : {}),
  };
}
