import type { FakeRouter } from '../fake-router.js';
import { json, mastodonError, notFound } from '../fake-router.js';
import type { MediaRecord } from '../fake-state.js';
import { currentAccount, isResponse, validationFailed, type RouteDeps } from '../route-deps.js';

export function registerMediaRoutes(router: FakeRouter, deps: RouteDeps): void {
  const { config } = deps.state;

  // Images are processed before the answer (200); video, GIF and audio later (202, url null).
  router.add('POST', '/api/v2/media', (request) => {
    const account = currentAccount(deps, request, 'write:media');
    if (isResponse(account)) {
      return account;
    }
    const file = request.files.file;
    if (!file) {
      return validationFailed("File can't be blank");
    }
    if (!config.supportedMimeTypes.includes(file.type)) {
      return validationFailed('File content type is invalid');
    }
    const type = mediaType(file.type);
    const sizeLimit = type === 'image' ? config.imageSizeLimit : config.videoSizeLimit;
    if (file.data.length > sizeLimit) {
      return validationFailed(`File file size must be less than ${Math.round(sizeLimit / 1_048_576)} MB`);
    }
    const description = typeof request.params.description === 'string' ? request.params.description : null;
    if (description !== null && [...description].length > config.descriptionLimit) {
      return validationFailed(`Description is too long (maximum is ${config.descriptionLimit} characters)`);
    }
    const media: MediaRecord = {
      id: deps.state.nextId(),
      accountId: account.id,
      type,
      mimeType: file.type,
      size: file.data.length,
      description,
      focus: typeof request.params.focus === 'string' ? request.params.focus : null,
      pendingPolls: type === 'image' ? 0 : config.mediaProcessingPolls,
      statusId: null,
    };
    deps.state.media.set(media.id, media);
    return json(media.pendingPolls > 0 ? 202 : 200, deps.render.media(media));
  });

  router.add('GET', '/api/v1/media/:id', (request) => {
    const account = currentAccount(deps, request, 'write:media');
    if (isResponse(account)) {
      return account;
    }
    const media = deps.state.media.get(request.pathParams.id!);
    if (!media || media.accountId !== account.id) {
      return notFound();
    }
    if (media.pendingPolls > 0) {
      media.pendingPolls -= 1;
      return json(206, { ...deps.render.media(media), url: null });
    }
    return json(200, deps.render.media(media));
  });

  router.add('PUT', '/api/v1/media/:id', (request) => {
    const account = currentAccount(deps, request, 'write:media');
    if (isResponse(account)) {
      return account;
    }
    const media = deps.state.media.get(request.pathParams.id!);
    if (!media || media.accountId !== account.id) {
      return notFound();
    }
    if (media.statusId !== null) {
      return mastodonError(422, 'Media attachment is already attached to a status');
    }
    if (typeof request.params.description === 'string') {
      media.description = request.params.description;
    }
    if (typeof request.params.focus === 'string') {
      media.focus = request.params.focus;
    }
    return json(200, deps.render.media(media));
  });
}

function mediaType(mimeType: string): MediaRecord['type'] {
  if (mimeType === 'image/gif') {
    return 'gifv';
  }
  if (mimeType.startsWith('video/')) {
    return 'video';
  }
  if (mimeType.startsWith('audio/')) {
    return 'audio';
  }
  return 'image';
}
