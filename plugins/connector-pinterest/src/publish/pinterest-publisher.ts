import type { Credentials, PostInput, PublishInput, PublishResult } from '@chorus/connector-sdk';
import { pin } from '../api/pinterest-schemas.js';
import { pinUrl, type PinterestDeps } from '../pinterest-deps.js';
import { beforePin } from './before-pin.js';
import { chooseBoard } from './boards.js';
import { coverFields, imageSource } from './media-source.js';
import { pinText } from './pin-body.js';
import { uploadVideo } from './video-upload.js';

/**
 * One pin per post (9.2): choose the board, upload a video through the media flow when there is one, then
 * `POST /v5/pins`, the only step that creates anything. Everything before it is safe to repeat.
 */
export async function publishPin(
  deps: PinterestDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post } = input;
  const boardId = await beforePin('choosing the board', () => chooseBoard(deps, credentials, post));
  const mediaSource = await beforePin('preparing the media', () => mediaSourceOf(deps, credentials, post));
  const sectionId = post.settings?.boardSectionId;
  const created = await deps.api.call(
    {
      operation: 'publish',
      endpoint: 'pins.create',
      method: 'POST',
      path: '/v5/pins',
      json: {
        board_id: boardId,
        ...(typeof sectionId === 'string' ? { board_section_id: sectionId } : {}),
        ...pinText(post),
        media_source: mediaSource,
      },
      token: credentials.accessToken,
    },
    pin,
  );
  return {
    remoteId: created.id,
    url: pinUrl(created.id),
    publishedAt: created.created_at ?? deps.context.clock.now().toISOString(),
  };
}

async function mediaSourceOf(deps: PinterestDeps, credentials: Credentials, post: PostInput) {
  const media = post.media ?? [];
  const video = media.find((item) => item.kind === 'video');
  if (!video) {
    return imageSource(deps, media);
  }
  const mediaId = await uploadVideo(deps, credentials, video);
  const cover = media.find((item) => item.kind === 'image');
  return {
    source_type: 'video_id',
    media_id: mediaId,
    ...(await coverFields(deps, cover, post.settings?.coverKeyFrameSeconds)),
  };
}

/** `DELETE /v5/pins/{id}` answers 204; a pin already gone counts as deleted. */
export async function deletePin(deps: PinterestDeps, credentials: Credentials, remoteId: string) {
  await deps.api.exchange(
    {
      operation: 'delete',
      endpoint: 'pins.delete',
      method: 'DELETE',
      path: `/v5/pins/${encodeURIComponent(remoteId)}`,
      token: credentials.accessToken,
      accept: [204, 404],
    },
    pin,
  );
}
