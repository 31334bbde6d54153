import { fail, objectField, ok, stringField, type Exchange } from '../fake-http.js';
import { checkChunkPlan, checkPrivacy, checkTexts, type Refusal } from '../fake-init-checks.js';
import { visiblePostId } from '../fake-processing.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import { randomToken, type PublishJob, type UserRecord } from '../fake-state.js';

const DAY = 86_400_000;

/** creator_info, the three inits and status/fetch of the Content Posting API (network-apis.md 7.2). */
export function publishRoutes(deps: RouteDeps): Route[] {
  const { state, config } = deps;
  const refuse = (exchange: Exchange, refusal: Refusal) =>
    fail(exchange, refusal.status, refusal.code, refusal.message);

  /** Caps that apply before anything is created: daily posts, pending drafts, unaudited active users. */
  const capped = (user: UserRecord, mode: 'direct' | 'inbox'): Refusal | undefined => {
    const now = deps.now();
    const recent = (state.initsByCreator.get(user.openId) ?? []).filter((time) => time > now - DAY);
    state.initsByCreator.set(user.openId, recent);
    if (mode === 'inbox' && state.pendingDrafts(user.openId) >= config.pendingShareCap) {
      return { status: 403, code: 'spam_risk_too_many_pending_share', message: 'Too many pending drafts.' };
    }
    if (mode === 'direct' && recent.length >= config.dailyPostCap) {
      return { status: 403, code: 'spam_risk_too_many_posts', message: 'The daily post cap is reached.' };
    }
    const activeUsers = [...state.initsByCreator].filter(([, times]) =>
      times.some((time) => time > now - DAY),
    );
    const known = activeUsers.some(([openId]) => openId === user.openId);
    if (!config.audited && !known && activeUsers.length >= config.unauditedUserCap) {
      return {
        status: 403,
        code: 'reached_active_user_cap',
        message: 'The app reached its active user cap.',
      };
    }
    return undefined;
  };

  const verifiedUrl = (value: unknown) =>
    typeof value === 'string' && config.verifiedUrlPrefixes.some((prefix) => value.startsWith(prefix));

  const start = (
    exchange: Exchange,
    job: Omit<PublishJob, 'publishId' | 'openId' | 'createdAt' | 'readyAt' | 'pollsWhileReady' | 'visible'>,
  ) => {
    const user = exchange.user!;
    const now = deps.now();
    const publishId = `v_pub_${job.source === 'FILE_UPLOAD' ? 'file' : 'url'}~v2.${randomToken(12)}`;
    const record: PublishJob = {
      ...job,
      publishId,
      openId: user.openId,
      createdAt: now,
      readyAt: job.source === 'PULL_FROM_URL' ? now : null,
      pollsWhileReady: 0,
      visible: false,
    };
    state.jobs.set(publishId, record);
    if (job.mode === 'direct') {
      // Direct Posts count toward the creator's daily cap (and the unaudited app's active users).
      state.initsByCreator.set(user.openId, [...(state.initsByCreator.get(user.openId) ?? []), now]);
    }
    const uploadUrl = record.upload
      ? `${deps.baseUrl()}/upload/video/?upload_id=${record.upload.uploadId}&upload_token=${record.upload.token}`
      : undefined;
    ok(exchange, { publish_id: publishId, ...(uploadUrl ? { upload_url: uploadUrl } : {}) });
  };

  const initVideo = (exchange: Exchange, mode: 'direct' | 'inbox') => {
    const user = exchange.user!;
    const postInfo = objectField(exchange.body, 'post_info');
    const source = objectField(exchange.body, 'source_info');
    let privacyLevel: string | null = null;
    if (mode === 'direct') {
      const privacy = checkPrivacy(postInfo, user, config);
      if ('code' in privacy) {
        return refuse(exchange, privacy);
      }
      privacyLevel = privacy.privacyLevel;
      const text = checkTexts('video', postInfo);
      if (text) {
        return refuse(exchange, text);
      }
    }
    const kind = stringField(source, 'source');
    if (kind === 'PULL_FROM_URL' && !verifiedUrl(source.video_url)) {
      return fail(
        exchange,
        403,
        'url_ownership_unverified',
        'The video_url domain is not verified for this app.',
      );
    }
    if (kind !== 'PULL_FROM_URL' && kind !== 'FILE_UPLOAD') {
      return fail(
        exchange,
        400,
        'invalid_params',
        'source_info.source must be FILE_UPLOAD or PULL_FROM_URL.',
      );
    }
    const plan = kind === 'FILE_UPLOAD' ? checkChunkPlan(source) : undefined;
    if (plan) {
      return refuse(exchange, plan);
    }
    const cap = capped(user, mode);
    if (cap) {
      return refuse(exchange, cap);
    }
    start(exchange, {
      kind: 'video',
      mode,
      source: kind,
      status: kind === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD',
      postInfo: mode === 'direct' ? postInfo : {},
      privacyLevel,
      urls: kind === 'PULL_FROM_URL' ? [source.video_url as string] : [],
      ...(kind === 'FILE_UPLOAD'
        ? {
            upload: {
              uploadId: randomToken(10),
              token: randomToken(16),
              expiresAt: deps.now() + config.uploadUrlSeconds * 1000,
              videoSize: source.video_size as number,
              chunkSize: source.chunk_size as number,
              totalChunkCount: source.total_chunk_count as number,
              received: 0,
              chunks: 0,
            },
          }
        : {}),
    });
  };

  const initPhotos = (exchange: Exchange) => {
    const user = exchange.user!;
    const postInfo = objectField(exchange.body, 'post_info');
    const source = objectField(exchange.body, 'source_info');
    const postMode = stringField(exchange.body, 'post_mode');
    if (
      stringField(exchange.body, 'media_type') !== 'PHOTO' ||
      (postMode !== 'DIRECT_POST' && postMode !== 'MEDIA_UPLOAD')
    ) {
      return fail(
        exchange,
        400,
        'invalid_params',
        'media_type must be PHOTO and post_mode DIRECT_POST or MEDIA_UPLOAD.',
      );
    }
    const mode = postMode === 'DIRECT_POST' ? 'direct' : 'inbox';
    const needed = mode === 'direct' ? 'video.publish' : 'video.upload';
    if (!exchange.token!.scopes.includes(needed)) {
      return fail(exchange, 401, 'scope_not_authorized', `This post_mode needs the ${needed} scope.`);
    }
    const images = Array.isArray(source.photo_images) ? (source.photo_images as unknown[]) : [];
    const cover = source.photo_cover_index;
    if (stringField(source, 'source') !== 'PULL_FROM_URL' || images.length < 1 || images.length > 35) {
      return fail(exchange, 400, 'invalid_params', 'Photos are pulled from 1 to 35 photo_images URLs.');
    }
    if (!Number.isInteger(cover) || (cover as number) < 0 || (cover as number) >= images.length) {
      return fail(exchange, 400, 'invalid_params', 'photo_cover_index must point into photo_images.');
    }
    if (!images.every(verifiedUrl)) {
      return fail(exchange, 403, 'url_ownership_unverified', 'A photo URL is not under a verified domain.');
    }
    let privacyLevel: string | null = null;
    if (mode === 'direct') {
      const privacy = checkPrivacy(postInfo, user, config);
      if ('code' in privacy) {
        return refuse(exchange, privacy);
      }
      privacyLevel = privacy.privacyLevel;
    }
    const text = checkTexts('photo', postInfo);
    if (text) {
      return refuse(exchange, text);
    }
    const cap = capped(user, mode);
    if (cap) {
      return refuse(exchange, cap);
    }
    start(exchange, {
      kind: 'photo',
      mode,
      source: 'PULL_FROM_URL',
      status: 'PROCESSING_DOWNLOAD',
      postInfo,
      privacyLevel,
      urls: images as string[],
    });
  };

  return [
    {
      method: 'POST',
      path: /^\/v2\/post\/publish\/creator_info\/query\/$/u,
      auth: 'user',
      scopes: ['video.publish'],
      handle(exchange) {
        const user = exchange.user!;
        ok(exchange, {
          creator_avatar_url: `https://p16.tiktokcdn.test/${user.username}.jpeg`,
          creator_username: user.username,
          creator_nickname: user.displayName,
          privacy_level_options: user.privacyLevelOptions,
          comment_disabled: user.commentDisabled,
          duet_disabled: user.duetDisabled,
          stitch_disabled: user.stitchDisabled,
          max_video_post_duration_sec: user.maxVideoPostDurationSec,
        });
      },
    },
    {
      method: 'POST',
      path: /^\/v2\/post\/publish\/video\/init\/$/u,
      auth: 'user',
      bucket: 'post.init',
      scopes: ['video.publish'],
      handle: (exchange) => initVideo(exchange, 'direct'),
    },
    {
      method: 'POST',
      path: /^\/v2\/post\/publish\/inbox\/video\/init\/$/u,
      auth: 'user',
      bucket: 'post.init',
      scopes: ['video.upload'],
      handle: (exchange) => initVideo(exchange, 'inbox'),
    },
    {
      method: 'POST',
      path: /^\/v2\/post\/publish\/content\/init\/$/u,
      auth: 'user',
      bucket: 'post.init',
      scopes: ['video.publish', 'video.upload'],
      handle: initPhotos,
    },
    {
      method: 'POST',
      path: /^\/v2\/post\/publish\/status\/fetch\/$/u,
      auth: 'user',
      bucket: 'post.status',
      scopes: ['video.publish', 'video.upload'],
      handle(exchange) {
        const job = state.jobs.get(stringField(exchange.body, 'publish_id') ?? '');
        if (!job || job.openId !== exchange.user!.openId) {
          return fail(exchange, 400, 'invalid_params', 'publish_id does not exist for this user.');
        }
        deps.processing.advance(job, true);
        const postId = visiblePostId(job);
        ok(exchange, {
          status: job.status,
          ...(job.failReason ? { fail_reason: job.failReason } : {}),
          // TikTok's own spelling (sic).
          publicaly_available_post_id: postId ? [postId] : [],
          ...(job.upload
            ? { uploaded_bytes: job.upload.received }
            : { downloaded_bytes: job.readyAt === null ? 0 : 1 }),
        });
      },
    },
  ];
}
