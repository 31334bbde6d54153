import { graphError, invalidParameter, ok, page, unknownObject } from '@chorus/meta-graph/testing';
import type { ContainerRecord, MediaRecord } from '../instagram-state.js';
import { actor, authorize, isResponse, type Register, type RouteDeps } from '../route-deps.js';

const MAX_CAPTION = 2200;
const MAX_IMAGE_BYTES = 8 * 1_048_576;
const CONTAINER_TTL_MS = 86_400_000;

/** Containers, their status, media_publish, the publishing limit and media lists (network-apis.md 3.2). */
export const registerContentRoutes: Register = (router, deps) => {
  const { state, config } = deps;

  router.add('POST', '/:user/media', (request) => {
    const token = authorize(deps, request, 'instagram_business_content_publish');
    if (isResponse(token)) {
      return token;
    }
    const owner = actor(token);
    if (typeof owner !== 'string') {
      return owner;
    }
    if (owner !== request.pathParams.user) {
      return graphError({ code: 200, message: '(#200) Cannot create media for another account' });
    }
    const p = request.params;
    const carouselItem = p.is_carousel_item === 'true';
    const caption = p.caption ?? '';
    if (carouselItem && caption) {
      return invalidParameter('Caption is not allowed on carousel items', 2207028);
    }
    if ([...caption].length > MAX_CAPTION) {
      return graphError({
        code: 100,
        subcode: 2207010,
        message: `(#100) The caption is longer than ${MAX_CAPTION} characters`,
      });
    }
    const mediaType = (p.media_type ?? 'IMAGE') as ContainerRecord['mediaType'];
    if (mediaType === 'CAROUSEL') {
      return carousel(deps, owner, caption, (p.children ?? '').split(',').filter(Boolean));
    }
    const url = p.image_url ?? p.video_url;
    const kind = p.image_url ? 'image' : 'video';
    const resumable = p.upload_type === 'resumable' && kind === 'video' && !url;
    if (!url && !resumable) {
      return invalidParameter('image_url or video_url is required');
    }
    if (url) {
      const hosted = state.hosted.get(url);
      if (!hosted) {
        return graphError({
          code: 9004,
          subcode: 2207052,
          message: 'The media could not be fetched from this URI',
        });
      }
      if (kind === 'image') {
        if (hosted.type !== 'image/jpeg') {
          return graphError({ code: 9004, subcode: 2207005, message: 'The image format is not supported' });
        }
        if (hosted.sizeBytes > MAX_IMAGE_BYTES) {
          return graphError({ code: 9004, subcode: 2207004, message: 'The image is too large to download' });
        }
        const ratio = hosted.width / hosted.height;
        if (!carouselItem && mediaType !== 'STORIES' && (ratio < 0.8 || ratio > 1.91)) {
          return graphError({ code: 36003, subcode: 2207009, message: 'The aspect ratio is not supported' });
        }
      }
    }
    const container = newContainer(deps, {
      ownerId: owner,
      mediaType: kind === 'video' && mediaType === 'IMAGE' ? 'VIDEO' : mediaType,
      kind,
      caption,
      altText: p.alt_text ?? null,
      carouselItem,
      children: [],
    });
    container.awaitingUpload = resumable;
    const hosted = url ? state.hosted.get(url) : undefined;
    if (kind === 'video' && hosted && !['video/mp4', 'video/quicktime'].includes(hosted.type)) {
      container.failure =
        'Error: The video format is not supported. Please check the spec for supported formats. 2207026';
    }
    if (hosted?.processingFailure) {
      container.failure = hosted.processingFailure;
    }
    return ok({
      id: container.id,
      // As Meta answers: the upload host by name; the fake's ruploadHost serves the same paths on loopback.
      ...(resumable ? { uri: `https://rupload.facebook.com/ig-api-upload/v25.0/${container.id}` } : {}),
    });
  });

  router.add('POST', '/:user/media_publish', (request) => {
    const token = authorize(deps, request, 'instagram_business_content_publish');
    if (isResponse(token)) {
      return token;
    }
    const owner = actor(token);
    if (typeof owner !== 'string') {
      return owner;
    }
    const container = state.containers.get(request.params.creation_id ?? '');
    if (!container || container.ownerId !== owner) {
      return invalidParameter('Invalid creation_id', 2207006);
    }
    expire(container, deps);
    if (container.status === 'PUBLISHED') {
      return graphError({ code: 9007, subcode: 2207027, message: 'The media has already been published' });
    }
    if (container.status === 'EXPIRED') {
      return graphError({
        code: 9007,
        subcode: 2207008,
        message: 'The media builder has expired; create a new container',
      });
    }
    if (container.status !== 'FINISHED' || container.carouselItem) {
      return graphError({
        code: 9007,
        subcode: 2207027,
        message: 'Media ID is not available: the media is not ready for publishing',
      });
    }
    if (state.quotaUsage(owner) >= config.quotaTotal) {
      return graphError({
        code: 9,
        subcode: 2207042,
        message: 'You reached the maximum number of posts allowed in 24 hours',
        type: 'OAuthException',
      });
    }
    const media = publish(deps, container);
    return ok({ id: media.id });
  });

  router.add('GET', '/:user/content_publishing_limit', (request) => {
    const token = authorize(deps, request, 'instagram_business_content_publish');
    if (isResponse(token)) {
      return token;
    }
    return ok({
      data: [
        {
          quota_usage: state.quotaUsage(request.pathParams.user!),
          config: { quota_total: config.quotaTotal, quota_duration: 86_400 },
        },
      ],
    });
  });

  router.add('GET', '/:user/media', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const since = request.params.since ? Number(request.params.since) * 1000 : 0;
    const items = [...state.media.values()]
      .filter(
        (media) =>
          media.ownerId === request.pathParams.user &&
          media.productType !== 'STORY' &&
          media.timestamp >= since,
      )
      .reverse()
      .map((media) => renderMedia(deps, media));
    return ok(page(items, request.query, `${deps.baseUrl()}/v25.0${request.path}`));
  });

  router.add('GET', '/:user/tags', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const items = [...state.media.values()]
      .filter((media) => media.tags.includes(request.pathParams.user!))
      .reverse()
      .map((media) => renderMedia(deps, media));
    return ok(page(items, request.query, `${deps.baseUrl()}/v25.0${request.path}`));
  });

  router.add('DELETE', '/:id', (request) => {
    const token = authorize(deps, request, 'instagram_business_manage_comments');
    if (isResponse(token)) {
      return token;
    }
    const comment = state.liveComment(request.pathParams.id!);
    if (comment) {
      // Only comments on the account's own media can be deleted (3.3), like hiding.
      if (state.media.get(comment.mediaId)?.ownerId !== token.accountId) {
        return graphError({ code: 200, message: '(#200) Only the media owner can delete comments' });
      }
      comment.deleted = true;
      return ok({ success: true });
    }
    // Deleting published media is not in the API (3.2).
    return state.media.has(request.pathParams.id!)
      ? graphError({ code: 100, message: '(#100) Unsupported delete request' })
      : unknownObject(request.pathParams.id!);
  });
};

function carousel(deps: RouteDeps, owner: string, caption: string, children: string[]) {
  if (children.length < 2 || children.length > 10) {
    return graphError({
      code: 100,
      subcode: 2207028,
      message: `(#100) A carousel has 2 to 10 children; got ${children.length}`,
    });
  }
  for (const id of children) {
    const child = deps.state.containers.get(id);
    if (!child || !child.carouselItem || child.ownerId !== owner) {
      return invalidParameter(`Invalid child container ${id}`, 2207028);
    }
  }
  const parent = newContainer(deps, {
    ownerId: owner,
    mediaType: 'CAROUSEL',
    kind: 'carousel',
    caption,
    altText: null,
    carouselItem: false,
    children,
  });
  return ok({ id: parent.id });
}

function newContainer(
  deps: RouteDeps,
  fields: Pick<
    ContainerRecord,
    'ownerId' | 'mediaType' | 'kind' | 'caption' | 'altText' | 'carouselItem' | 'children'
  >,
): ContainerRecord {
  const container: ContainerRecord = {
    ...fields,
    id: deps.state.nextId(),
    createdAt: deps.state.now(),
    status: fields.kind === 'image' ? 'FINISHED' : 'IN_PROGRESS',
    statusText:
      fields.kind === 'image'
        ? 'Finished: Media has been uploaded and it is ready to be published.'
        : 'In Progress: Media is still being processed.',
    pollsLeft: fields.kind === 'video' ? deps.config.videoPolls : 0,
    awaitingUpload: false,
    failure: null,
    mediaId: null,
  };
  deps.state.containers.set(container.id, container);
  return container;
}

/** A status read: videos finish after some reads, carousels when every child has, all expire after 24 h. */
export function advanceContainer(deps: RouteDeps, container: ContainerRecord): void {
  expire(container, deps);
  if (container.status !== 'IN_PROGRESS' || container.awaitingUpload) {
    return;
  }
  if (container.kind === 'carousel') {
    const ready = container.children.every((id) => deps.state.containers.get(id)?.status === 'FINISHED');
    if (ready) {
      container.status = 'FINISHED';
    }
  } else if ((container.pollsLeft -= 1) <= 0) {
    container.status = container.failure ? 'ERROR' : 'FINISHED';
    container.statusText = container.failure ?? container.statusText;
  }
  if (container.status === 'FINISHED') {
    container.statusText = 'Finished: Media has been uploaded and it is ready to be published.';
  }
}

function expire(container: ContainerRecord, deps: RouteDeps): void {
  if (
    container.status !== 'PUBLISHED' &&
    container.status !== 'ERROR' &&
    deps.state.now() - container.createdAt > CONTAINER_TTL_MS
  ) {
    container.status = 'EXPIRED';
    container.statusText = 'Expired: the container was not published within 24 hours.';
  }
}

function publish(deps: RouteDeps, container: ContainerRecord): MediaRecord {
  const { state } = deps;
  const children = container.children.map((id) => state.containers.get(id)!);
  const media: MediaRecord = {
    id: state.nextId(),
    ownerId: container.ownerId,
    caption: container.caption,
    mediaType:
      container.kind === 'carousel' ? 'CAROUSEL_ALBUM' : container.kind === 'video' ? 'VIDEO' : 'IMAGE',
    productType:
      container.mediaType === 'STORIES' ? 'STORY' : container.mediaType === 'REELS' ? 'REELS' : 'FEED',
    altTexts: container.kind === 'carousel' ? children.map((child) => child.altText) : [container.altText],
    timestamp: state.now(),
    shortcode: Math.random().toString(36).slice(2, 13),
    likes: new Set(),
    shares: 0,
    saves: 0,
    viewers: new Set(),
    tags: [],
  };
  state.media.set(media.id, media);
  state.published.push(media);
  state.publishes.set(container.ownerId, [...(state.publishes.get(container.ownerId) ?? []), state.now()]);
  container.status = 'PUBLISHED';
  container.mediaId = media.id;
  for (const child of children) {
    child.status = 'PUBLISHED';
  }
  return media;
}

export function renderMedia(deps: RouteDeps, media: MediaRecord) {
  const comments = [...deps.state.comments.values()].filter(
    (comment) => comment.mediaId === media.id && !comment.deleted,
  );
  return {
    id: media.id,
    caption: media.caption,
    media_type: media.mediaType,
    media_product_type: media.productType,
    permalink: permalinkOf(media),
    shortcode: media.shortcode,
    timestamp: new Date(media.timestamp).toISOString().replace(/\.\d{3}Z$/u, '+0000'),
    like_count: media.likes.size,
    comments_count: comments.length,
    username: deps.state.accounts.get(media.ownerId)?.username,
    alt_text: media.altTexts[0] ?? null,
    ...(media.mediaType === 'CAROUSEL_ALBUM'
      ? {
          children: {
            data: media.altTexts.map((altText, index) => ({ id: `${media.id}_${index}`, alt_text: altText })),
          },
        }
      : {}),
  };
}

/** Where Instagram shows a media: /p/<shortcode>/ (reels /reel/); comments have no permalink of their own. */
export function permalinkOf(media: MediaRecord): string {
  return `https://www.instagram.com/${media.productType === 'REELS' ? 'reel' : 'p'}/${media.shortcode}/`;
}
