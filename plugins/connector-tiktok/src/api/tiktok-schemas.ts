import { z } from '@chorus/connector-sdk';

/** The Content Posting / Display envelope's error part; `code: "ok"` on success (network-apis.md 7.2). */
export const envelopeError = z.object({
  code: z.string(),
  message: z.string().default(''),
  log_id: z.string().optional(),
});

export const tokenResponse = z.object({
  open_id: z.string().min(1),
  scope: z.string(),
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.number().positive(),
  token_type: z.string().optional(),
});
export type TokenResponse = z.output<typeof tokenResponse>;

export const userInfo = z.object({
  user: z.object({
    open_id: z.string().min(1),
    union_id: z.string().optional(),
    avatar_url: z.string().optional(),
    display_name: z.string().optional(),
    username: z.string().optional(),
    follower_count: z.number().int().optional(),
    following_count: z.number().int().optional(),
    likes_count: z.number().int().optional(),
    video_count: z.number().int().optional(),
  }),
});

export const creatorInfo = z.object({
  creator_avatar_url: z.string().optional(),
  creator_username: z.string().min(1),
  creator_nickname: z.string().optional(),
  privacy_level_options: z.array(z.string()),
  comment_disabled: z.boolean(),
  duet_disabled: z.boolean(),
  stitch_disabled: z.boolean(),
  max_video_post_duration_sec: z.number().positive(),
});
export type CreatorInfo = z.output<typeof creatorInfo>;

export const publishInit = z.object({
  publish_id: z.string().min(1),
  upload_url: z.string().url().optional(),
});

export const PUBLISH_STATUSES = [
  'PROCESSING_UPLOAD',
  'PROCESSING_DOWNLOAD',
  'SEND_TO_USER_INBOX',
  'PUBLISH_COMPLETE',
  'FAILED',
] as const;

const postIds = z.array(z.union([z.string(), z.number().transform(String)])).optional();

/**
 * `publicaly_available_post_id` is TikTok's own spelling (sic); the corrected `publicly_available_post_id` is
 * read too, so that a fix on TikTok's side does not lose the post id.
 */
export const publishStatus = z
  .object({
    status: z.enum(PUBLISH_STATUSES),
    fail_reason: z.string().optional(),
    publicaly_available_post_id: postIds,
    publicly_available_post_id: postIds,
    uploaded_bytes: z.number().optional(),
    downloaded_bytes: z.number().optional(),
  })
  .transform(({ publicaly_available_post_id: sic, publicly_available_post_id: fixed, ...rest }) => ({
    ...rest,
    postIds: [...(sic ?? []), ...(fixed ?? [])],
  }));
export type PublishStatus = z.output<typeof publishStatus>;

/** Video ids are 64-bit: kept as strings, never as JavaScript numbers. */
export const video = z.object({
  id: z.string().min(1),
  create_time: z.number().int().optional(),
  title: z.string().optional(),
  video_description: z.string().optional(),
  share_url: z.string().optional(),
  view_count: z.number().int().optional(),
  like_count: z.number().int().optional(),
  comment_count: z.number().int().optional(),
  share_count: z.number().int().optional(),
});
export type TikTokVideo = z.output<typeof video>;

export const videoList = z.object({
  videos: z.array(video),
  cursor: z.number().int(),
  has_more: z.boolean(),
});

export const videoQuery = z.object({ videos: z.array(video) });
