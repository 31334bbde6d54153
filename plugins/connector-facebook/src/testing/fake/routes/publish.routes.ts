import { graphError, invalidParameter, ok, type GraphFakeRequest } from '@chorus/meta-graph/testing';
import type { PostRecord, VideoRecord } from '../facebook-state.js';
import { permalinkOf } from '../render.js';
import { authorize, isResponse, requestedFields, type Register, type RouteDeps } from '../route-deps.js';
import { resumableVideoPhase } from './resumable-video.js';

const MAX_MESSAGE = 63_206;
const MAX_PHOTO_BYTES = 4 * 1_048_576;
const PHOTO_TYPES = ['image/jpeg', 'image/png'];
const MIN_SCHEDULE_MS = 10 * 60_000;
const MAX_SCHEDULE_MS = 30 * 86_400_000;

/** Page publishing (network-apis.md 2.2): /feed, /photos, /videos and the Reels phases. */
export const registerPublishRoutes: Register = (router, deps) => {
  const { state } = deps;
  const pageToken = (request: GraphFakeRequest) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_manage_posts' });
    if (isResponse(token)) {
      return token;
    }
    if (token.pageId !== request.pathParams.page) {
      return graphError({ code: 200, message: '(#200) The Page token does not belong to this Page' });
    }
    return token;
  };

  router.add('POST', '/:page/feed', (request) => {
    const token = pageToken(request);
    if (isResponse(token)) {
      return token;
    }
    const { message = '', link } = request.params;
    if (message.length > MAX_MESSAGE) {
      return invalidParameter(`Message is too long: ${message.length} characters, at most ${MAX_MESSAGE}`);
    }
    const attached = attachedMedia(request.params);
    if (attached === 'malformed') {
      return invalidParameter('param attached_media must be an array of {"media_fbid": "<id>"}');
    }
    for (const [index, id] of attached.entries()) {
      const photo = state.photos.get(id);
      if (!photo || photo.pageId !== token.pageId) {
        return invalidParameter(`param attached_media[${index}] has invalid media_fbid ${id}`);
      }
      if (photo.attachedTo || photo.published) {
        return graphError({ code: 100, subcode: 1366051, message: `(#100) Photo ${id} was already posted` });
      }
    }
    if (message.trim() === '' && !link && attached.length === 0) {
      return invalidParameter('Missing message or attachment');
    }
    const schedule = scheduled(request.params, deps);
    if (typeof schedule === 'object' && schedule !== null) {
      return schedule;
    }
    const previous = [...state.posts.values()]
      .filter((post) => post.pageId === token.pageId && !post.deleted)
      .at(-1);
    if (
      attached.length === 0 &&
      previous &&
      previous.message === message &&
      previous.link === (link ?? null) &&
      message !== ''
    ) {
      return graphError({ code: 506, message: '(#506) Duplicate status message' });
    }
    const post = state.createPost({
      pageId: token.pageId!,
      authorId: token.pageId!,
      kind: attached.length > 0 ? 'photo' : link ? 'link' : 'status',
      message,
      link: link ?? null,
      photoIds: attached,
      videoId: null,
      scheduledFor: schedule,
    });
    for (const id of attached) {
      state.photos.get(id)!.attachedTo = post.id;
    }
    if (schedule === null) {
      state.published.push(post);
    }
    return ok(withPermalink(post, request));
  });

  router.add('GET', '/:page/scheduled_posts', (request) => {
    const token = pageToken(request);
    if (isResponse(token)) {
      return token;
    }
    const data = [...state.posts.values()]
      .filter((post) => post.pageId === token.pageId && post.scheduledFor !== null && !post.deleted)
      .map((post) => ({
        id: post.id,
        message: post.message,
        scheduled_publish_time: Math.floor(post.scheduledFor! / 1000),
      }));
    return ok({ data });
  });

  router.add('POST', '/:page/photos', (request) => {
    const token = pageToken(request);
    if (isResponse(token)) {
      return token;
    }
    const file = request.files.source;
    const url = request.params.url;
    if (!file && !url) {
      return invalidParameter('Requires one of the params: url, source');
    }
    const type = file?.type ?? (/\.png$/iu.test(url ?? '') ? 'image/png' : 'image/jpeg');
    if (!PHOTO_TYPES.includes(type) || (file && file.data.length > MAX_PHOTO_BYTES)) {
      return graphError({
        code: 100,
        subcode: 1366046,
        message: '(#100) Photo is too large or in an unsupported format',
      });
    }
    const published = request.params.published !== 'false' && request.params.temporary !== 'true';
    const photo = {
      id: state.nextId(),
      pageId: token.pageId!,
      altText: request.params.alt_text_custom ?? null,
      mimeType: type,
      published,
      attachedTo: null as string | null,
    };
    state.photos.set(photo.id, photo);
    if (!published) {
      return ok({ id: photo.id });
    }
    const post = state.createPost({
      pageId: token.pageId!,
      authorId: token.pageId!,
      kind: 'photo',
      message: request.params.caption ?? request.params.message ?? '',
      link: null,
      photoIds: [photo.id],
      videoId: null,
      scheduledFor: null,
    });
    photo.attachedTo = post.id;
    state.published.push(post);
    return ok({ id: photo.id, post_id: post.id });
  });

  router.add('POST', '/:page/videos', (request) => {
    const token = pageToken(request);
    if (isResponse(token)) {
      return token;
    }
    if (request.params.upload_phase !== undefined) {
      return resumableVideoPhase(deps, request, token, newVideo);
    }
    const source = request.files.source;
    if (!source && !request.params.file_url) {
      return invalidParameter('Requires one of the params: file_url, source');
    }
    if (source && source.data.length > deps.config.maxVideoRequestBytes) {
      return graphError({
        code: 6000,
        message: `There was a problem uploading your video file: ${source.data.length} bytes is more than one request takes; use upload_phase=start`,
      });
    }
    const video = newVideo(deps, token.pageId!, false, request.params.description ?? '');
    video.uploaded = true;
    video.finished = true;
    return ok({ id: video.id });
  });

  router.add('POST', '/:page/video_reels', (request) => {
    const token = pageToken(request);
    if (isResponse(token)) {
      return token;
    }
    const phase = request.params.upload_phase;
    if (phase === 'start') {
      const video = newVideo(deps, token.pageId!, true, '');
      return ok({
        video_id: video.id,
        upload_url: `${deps.ruploadUrl()}/video-upload/${deps.version()}/${video.id}`,
      });
    }
    if (phase === 'finish') {
      const video = state.videos.get(request.params.video_id ?? '');
      if (!video || video.pageId !== token.pageId) {
        return invalidParameter('Invalid video_id');
      }
      if (!video.uploaded) {
        return graphError({
          code: 6000,
          message: 'There was a problem uploading your video file: no bytes were received',
        });
      }
      if (request.params.video_state !== 'PUBLISHED') {
        return invalidParameter('Only video_state=PUBLISHED is supported by this fake');
      }
      video.description = request.params.description ?? '';
      video.finished = true;
      return ok({ success: true });
    }
    return invalidParameter('upload_phase must be start or finish');
  });
};

function newVideo(deps: RouteDeps, pageId: string, reel: boolean, description: string): VideoRecord {
  const video: VideoRecord = {
    id: deps.state.nextId(),
    pageId,
    reel,
    createdAt: deps.state.now(),
    description,
    uploaded: false,
    finished: false,
    pollsLeft: deps.config.videoPolls,
    failed: false,
    postId: null,
  };
  deps.state.videos.set(video.id, video);
  return video;
}

function attachedMedia(params: Readonly<Record<string, string>>): string[] | 'malformed' {
  const entries: unknown[] = [];
  try {
    if (params.attached_media) {
      const parsed = JSON.parse(params.attached_media) as unknown;
      entries.push(...(Array.isArray(parsed) ? (parsed as unknown[]) : ['malformed']));
    }
    for (let index = 0; params[`attached_media[${index}]`] !== undefined; index += 1) {
      entries.push(JSON.parse(params[`attached_media[${index}]`]!) as unknown);
    }
  } catch {
    return 'malformed';
  }
  const ids = entries.map((entry) => (entry as { media_fbid?: unknown })?.media_fbid);
  return ids.every((id): id is string => typeof id === 'string') ? ids : 'malformed';
}

/** null when published now; the time when scheduled; an error for a time outside 10 minutes to 30 days ahead. */
function scheduled(params: Readonly<Record<string, string>>, deps: RouteDeps) {
  const raw = params.scheduled_publish_time;
  if (raw === undefined) {
    return null;
  }
  if (params.published !== 'false') {
    return invalidParameter('scheduled_publish_time requires published=false');
  }
  const at = /^\d+$/u.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
  const ahead = at - deps.state.now();
  if (!Number.isFinite(at) || ahead < MIN_SCHEDULE_MS || ahead > MAX_SCHEDULE_MS) {
    return invalidParameter(
      'The specified scheduled publish time is invalid: it must be between 10 minutes and 30 days from now',
    );
  }
  return at;
}

function withPermalink(post: PostRecord, request: GraphFakeRequest) {
  const fields = requestedFields(request);
  return fields?.has('permalink_url') ? { id: post.id, permalink_url: permalinkOf(post) } : { id: post.id };
}
