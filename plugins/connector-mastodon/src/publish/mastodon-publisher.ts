import type {
  Credentials,
  MediaInput,
  PublishInput,
  PublishResult,
  RemotePostRef,
} from '@chorus/connector-sdk';
import type { MastodonStatus } from '../api/entities.js';
import { mastodonPostSettingsSchema, type MastodonPostSettings } from '../config.js';
import type { MastodonDeps } from '../mastodon-deps.js';
import { uploadMedia } from './media-uploader.js';
import { statusText } from './status-text.js';

interface StatusRequest {
  readonly text: string;
  readonly media: readonly MediaInput[];
  readonly inReplyToId: string | null;
  readonly idempotencyKey: string;
  readonly poll?: PublishInput['post']['poll'];
}

/**
 * One status, then each part of the thread as a reply to the previous one, then the first comment as a reply
 * to the first status. Every status carries its own Idempotency-Key derived from the caller's key, so a retry
 * within the hour finishes a half-published thread without duplicating its start.
 */
export async function publishStatus(
  deps: MastodonDeps,
  credentials: Credentials,
  input: PublishInput,
): Promise<PublishResult> {
  const { post, idempotencyKey } = input;
  const settings = mastodonPostSettingsSchema.parse(post.settings ?? {});
  const post1 = await postStatus(deps, credentials, settings, {
    text: statusText(post),
    media: post.media ?? [],
    inReplyToId: null,
    idempotencyKey,
    poll: post.poll,
  });
  const thread: RemotePostRef[] = [];
  let previous = post1.id;
  for (const [index, part] of (post.thread ?? []).entries()) {
    const status = await postStatus(deps, credentials, settings, {
      text: part.text,
      media: part.media ?? [],
      inReplyToId: previous,
      idempotencyKey: `${idempotencyKey}:thread:${index + 1}`,
    });
    thread.push(ref(status));
    previous = status.id;
  }
  const firstComment = post.firstComment
    ? ref(
        await postStatus(deps, credentials, settings, {
          text: post.firstComment.text,
          media: [],
          inReplyToId: post1.id,
          idempotencyKey: `${idempotencyKey}:first-comment`,
        }),
      )
    : undefined;
  return {
    ...ref(post1),
    publishedAt: post1.created_at,
    ...(thread.length > 0 ? { thread } : {}),
    ...(firstComment ? { firstComment } : {}),
  };
}

async function postStatus(
  deps: MastodonDeps,
  credentials: Credentials,
  settings: MastodonPostSettings,
  request: StatusRequest,
): Promise<MastodonStatus> {
  const mediaIds: string[] = [];
  for (const media of request.media) {
    mediaIds.push(await uploadMedia(deps, credentials, media));
  }
  const body: Record<string, unknown> = {
    status: request.text,
    visibility: settings.visibility,
    sensitive: settings.sensitive,
  };
  if (mediaIds.length > 0) {
    body.media_ids = mediaIds;
  }
  if (settings.spoilerText) {
    body.spoiler_text = settings.spoilerText;
  }
  if (settings.language) {
    body.language = settings.language;
  }
  if (request.inReplyToId) {
    body.in_reply_to_id = request.inReplyToId;
  }
  if (request.poll) {
    body.poll = {
      options: request.poll.options,
      expires_in: request.poll.durationSeconds,
      multiple: request.poll.multiple ?? false,
    };
  }
  const { body: status } = await deps.api(credentials).call<MastodonStatus>({
    operation: 'publish',
    endpoint: 'statuses.create',
    method: 'POST',
    path: '/api/v1/statuses',
    json: body,
    idempotencyKey: request.idempotencyKey,
  });
  return status;
}

function ref(status: MastodonStatus): RemotePostRef {
  return { remoteId: status.id, url: status.url ?? status.uri };
}
