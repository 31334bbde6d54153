import {
  classifyError,
  readMediaBytes,
  RetriableError,
  type Credentials,
  type MediaInput,
  type PublishInput,
  type PublishResult,
} from '@chorus/connector-sdk';
import { contentError } from '../api/map-error.js';
import { publishInit, type CreatorInfo } from '../api/tiktok-schemas.js';
import { tiktokPostSettingsSchema, type TikTokPostSettings } from '../config.js';
import { postUrl, profileUrl, type TikTokDeps } from '../tiktok-deps.js';
import { planChunks, type ChunkPlan } from './chunk-plan.js';
import { uploadChunks } from './chunk-uploader.js';
import { queryCreatorInfo } from './creator-info.js';
import { lookUpRecentVideo } from './recent-videos.js';
import { isVerifiedUrl } from './media-source.js';
import { photoPostInfo, videoPostInfo } from './post-info.js';
import { waitUntilSettled } from './status-poller.js';

const INIT_PATHS = {
  video: '/v2/post/publish/video/init/',
  inboxVideo: '/v2/post/publish/inbox/video/init/',
  content: '/v2/post/publish/content/init/',
} as const;

interface Prepared {
  readonly path: string;
  readonly body: Record<string, unknown>;
  /** Set for FILE_UPLOAD: the bytes go to upload_url after init. */
  readonly upload?: { readonly plan: ChunkPlan; readonly bytes: Uint8Array; readonly mimeType: string };
}

/**
 * Publishes a video or photo post through TikTok's multi-step flow (network-apis.md 7.2): creator_info, init
 * (the only write that can create a post), the chunked upload of a FILE_UPLOAD, then status polling until the
 * post is live or in the creator's inbox. The publish_id is journaled as soon as init answers (7.7).
 */
export async function publishPost(
  deps: TikTokDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const settings = tiktokPostSettingsSchema.parse(input.post.settings ?? {});
  const startedAt = deps.context.clock.now().toISOString();
  const prepared = await beforeInit(deps, credentials, input, settings);
  const attempt = { accountId: credentials.accountId, startedAt, mode: settings.mode };
  // Journaled before init is sent: from here on, an earlier attempt's publish_id no longer answers for this one.
  deps.journal.record(input.idempotencyKey, { ...attempt, state: 'sent' });
  const init = await deps.api
    .call(
      {
        operation: 'publish',
        endpoint: 'post.init',
        path: prepared.path,
        json: prepared.body,
        token: credentials.accessToken,
      },
      publishInit,
    )
    .catch((error: unknown) => {
      const classified = initFailure(error, prepared);
      if (classified.kind !== 'ambiguous') {
        deps.journal.record(input.idempotencyKey, { ...attempt, state: 'refused' });
      }
      throw classified;
    });
  deps.journal.record(input.idempotencyKey, { ...attempt, state: 'created', publishId: init.publish_id });
  if (prepared.upload) {
    if (!init.upload_url) {
      throw new RetriableError(
        `TikTok answered the FILE_UPLOAD init of publish ${init.publish_id} without an upload_url; nothing can be published from it.`,
        { endpoint: 'post.init' },
      );
    }
    const { plan, bytes, mimeType } = prepared.upload;
    await uploadChunks(deps, init.upload_url, plan, bytes, mimeType);
  }
  const settled = await waitUntilSettled(deps, credentials, init.publish_id, async () => {
    // Private posts never get a public id in the status (7.2); the account's own video list has them.
    const found = await lookUpRecentVideo(deps, credentials, input.post, {
      from: startedAt,
      to: deps.context.clock.now().toISOString(),
    });
    return found.status === 'found' ? { remoteId: found.remoteId, url: found.url } : undefined;
  });
  const handle = credentials.extra?.handle;
  const publishedAt = deps.context.clock.now().toISOString();
  if (settled.outcome === 'inbox') {
    // A draft: the creator finishes it in the TikTok app, and only then does a post (and its id) exist.
    return { remoteId: `inbox:${init.publish_id}`, url: profileUrl(handle), publishedAt };
  }
  return { remoteId: settled.postId, url: settled.url ?? postUrl(handle, settled.postId), publishedAt };
}

/** Everything before init reads or checks only: a failure there publishes nothing and may be retried. */
async function beforeInit(
  deps: TikTokDeps,
  credentials: Credentials,
  input: PublishInput,
  settings: TikTokPostSettings,
): Promise<Prepared> {
  try {
    // creator_info is mandatory before a Direct Post; a draft for the inbox takes none of its options (7.2).
    const creator =
      settings.mode === 'direct' ? await queryCreatorInfo(deps, credentials, 'publish') : undefined;
    const media = input.post.media ?? [];
    const video = media.find((item) => item.kind === 'video');
    return video
      ? await prepareVideo(deps, creator, settings, input.post.text, video)
      : preparePhotos(deps, creator, settings, input.post.text, media);
  } catch (error) {
    const classified = classifyError(error, 'publish');
    if (classified.kind === 'ambiguous') {
      throw new RetriableError(`${classified.message} Nothing was published (no init was sent).`, {
        cause: error,
        endpoint: classified.endpoint,
      });
    }
    throw classified;
  }
}

async function prepareVideo(
  deps: TikTokDeps,
  creator: CreatorInfo | undefined,
  settings: TikTokPostSettings,
  caption: string,
  video: MediaInput,
): Promise<Prepared> {
  const path = creator ? INIT_PATHS.video : INIT_PATHS.inboxVideo;
  // In inbox mode TikTok takes only source_info: the creator sets the rest in the app (7.2 2b).
  const postInfo = creator ? videoPostInfo(creator, settings, deps.config, caption, video) : undefined;
  if (video.source.kind === 'url' && isVerifiedUrl(deps.config, video.source)) {
    return {
      path,
      body: {
        ...(postInfo ? { post_info: postInfo } : {}),
        source_info: { source: 'PULL_FROM_URL', video_url: video.source.url },
      },
    };
  }
  const bytes = await readMediaBytes(deps.context.http, video);
  if (bytes.length === 0) {
    throw contentError('empty-video', 'The video file is empty. Nothing was uploaded.', ['media', 0]);
  }
  const plan = planChunks(bytes.length, deps.config.chunkBytes);
  return {
    path,
    body: {
      ...(postInfo ? { post_info: postInfo } : {}),
      source_info: {
        source: 'FILE_UPLOAD',
        video_size: plan.videoSize,
        chunk_size: plan.chunkSize,
        total_chunk_count: plan.totalChunkCount,
      },
    },
    upload: { plan, bytes, mimeType: video.mimeType },
  };
}

function preparePhotos(
  deps: TikTokDeps,
  creator: CreatorInfo | undefined,
  settings: TikTokPostSettings,
  description: string,
  media: readonly MediaInput[],
): Prepared {
  const urls = media.map((item, index) => {
    if (item.source.kind !== 'url' || !isVerifiedUrl(deps.config, item.source)) {
      throw contentError(
        'photo-url-unverified',
        'TikTok pulls photos only from a domain verified in its developer portal; nothing was uploaded.',
        ['media', index, 'source'],
      );
    }
    return item.source.url;
  });
  return {
    path: INIT_PATHS.content,
    body: {
      post_info: photoPostInfo(creator, settings, deps.config, description),
      source_info: {
        source: 'PULL_FROM_URL',
        photo_cover_index: settings.photoCoverIndex,
        photo_images: urls,
      },
      post_mode: settings.mode === 'inbox' ? 'MEDIA_UPLOAD' : 'DIRECT_POST',
      media_type: 'PHOTO',
    },
  };
}

/**
 * An init without a readable answer may have created a publish. With PULL_FROM_URL TikTok then fetches the
 * media and posts by itself: ambiguous. With FILE_UPLOAD nothing is posted until the file arrives, and it
 * never will: safe to retry.
 */
function initFailure(error: unknown, prepared: Prepared) {
  const classified = classifyError(error, 'publish');
  if (classified.kind === 'ambiguous' && prepared.upload) {
    return new RetriableError(
      `${classified.message} (a FILE_UPLOAD init: without the upload TikTok publishes nothing, so a new attempt is safe)`,
      { cause: error, endpoint: classified.endpoint },
    );
  }
  return classified;
}
