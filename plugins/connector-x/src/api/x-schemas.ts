import { z } from '@chorus/connector-sdk';

/** 64-bit ids stay strings: a JS number would corrupt them above 2^53. */
export const xId = z.string().regex(/^\d{1,20}$/u, 'a decimal id string');

export const tokenResponse = z.object({
  token_type: z.string(),
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  scope: z.string().default(''),
  refresh_token: z.string().min(1).optional(),
});
export type TokenResponse = z.output<typeof tokenResponse>;

export const publicMetrics = z
  .object({
    retweet_count: z.number().optional(),
    reply_count: z.number().optional(),
    like_count: z.number().optional(),
    quote_count: z.number().optional(),
    bookmark_count: z.number().optional(),
    impression_count: z.number().optional(),
  })
  .passthrough();

export const xUser = z.object({
  id: xId,
  username: z.string().min(1),
  name: z.string().optional(),
  public_metrics: z.object({ followers_count: z.number().optional() }).passthrough().optional(),
});
export type XUser = z.output<typeof xUser>;

export const xPost = z.object({
  id: xId,
  text: z.string(),
  edit_history_tweet_ids: z.array(xId).optional(),
  author_id: xId.optional(),
  created_at: z.string().optional(),
  conversation_id: xId.optional(),
  in_reply_to_user_id: xId.optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: xId })).optional(),
  public_metrics: publicMetrics.optional(),
});
export type XPost = z.output<typeof xPost>;

export const partialError = z
  .object({ resource_id: z.string().optional(), title: z.string().optional(), detail: z.string().optional() })
  .passthrough();

export const createdPost = z.object({
  data: z.object({ id: xId, text: z.string(), edit_history_tweet_ids: z.array(xId).optional() }),
});

export const timeline = z.object({
  data: z.array(xPost).default([]),
  includes: z
    .object({ users: z.array(xUser).default([]) })
    .partial()
    .optional(),
  meta: z.object({
    result_count: z.number(),
    newest_id: xId.optional(),
    oldest_id: xId.optional(),
    next_token: z.string().optional(),
  }),
  errors: z.array(partialError).optional(),
});
export type Timeline = z.output<typeof timeline>;

export const postsLookup = z.object({
  data: z.array(xPost).default([]),
  errors: z.array(partialError).optional(),
});

export const processingInfo = z.object({
  state: z.enum(['pending', 'in_progress', 'succeeded', 'failed']),
  check_after_secs: z.number().min(0).optional(),
  progress_percent: z.number().optional(),
  error: z.object({ message: z.string().optional(), name: z.string().optional() }).passthrough().optional(),
});
export type ProcessingInfo = z.output<typeof processingInfo>;

export const mediaResponse = z.object({
  data: z.object({
    id: xId,
    media_key: z.string().optional(),
    expires_after_secs: z.number().optional(),
    processing_info: processingInfo.optional(),
  }),
});

export const dmEvents = z.object({
  data: z
    .array(
      z.object({
        id: xId,
        event_type: z.string(),
        text: z.string().default(''),
        sender_id: xId.optional(),
        dm_conversation_id: z.string().optional(),
        created_at: z.string().optional(),
      }),
    )
    .default([]),
  includes: z
    .object({ users: z.array(xUser).default([]) })
    .partial()
    .optional(),
  meta: z.object({ result_count: z.number().optional(), next_token: z.string().optional() }).default({}),
});
export type DmEvent = z.output<typeof dmEvents>['data'][number];

export const dmSent = z.object({ data: z.object({ dm_event_id: xId, dm_conversation_id: z.string() }) });

export const anyData = z.object({ data: z.unknown() });
