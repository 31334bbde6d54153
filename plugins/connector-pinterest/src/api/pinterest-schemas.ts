import { z } from '@chorus/connector-sdk';

/** Pinterest ids are decimal strings (board_id must match ^\d+$, 9.5); never numbers, which lose digits. */
export const pinterestId = z.string().regex(/^\d{1,24}$/u, 'a decimal id string');

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  refresh_token_expires_in: z.number().int().positive().optional(),
  scope: z.string().default(''),
});
export type TokenResponse = z.output<typeof tokenResponse>;

export const userAccount = z.object({
  id: pinterestId.optional(),
  username: z.string().min(1),
  account_type: z.string().optional(),
  business_name: z.string().nullish(),
  profile_image: z.string().nullish(),
  follower_count: z.number().int().min(0).optional(),
});
export type UserAccount = z.output<typeof userAccount>;

/** `{items, bookmark}`: a page of a list, the bookmark null on the last page (9.6). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), bookmark: z.string().min(1).nullish() });

export const board = z.object({
  id: pinterestId,
  name: z.string(),
  privacy: z.string().optional(),
});
export type Board = z.output<typeof board>;

export const pin = z.object({
  id: pinterestId,
  created_at: z.string().optional(),
  link: z.string().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  alt_text: z.string().nullish(),
  board_id: pinterestId.optional(),
  media: z.object({ media_type: z.string().optional() }).passthrough().nullish(),
});
export type Pin = z.output<typeof pin>;

export const mediaRegistration = z.object({
  media_id: pinterestId,
  media_type: z.string().optional(),
  upload_url: z.url(),
  upload_parameters: z.record(z.string(), z.string()),
});

export const MEDIA_STATUSES = ['registered', 'processing', 'succeeded', 'failed'] as const;
export const mediaStatus = z.object({
  media_id: pinterestId.optional(),
  status: z.enum(MEDIA_STATUSES),
});

const metrics = z.record(z.string(), z.number().nullable());
export const analyticsOfAppType = z.object({
  daily_metrics: z
    .array(z.object({ date: z.string(), data_status: z.string().optional(), metrics: metrics.optional() }))
    .default([]),
  summary_metrics: metrics.optional(),
  lifetime_metrics: metrics.optional(),
});
/** Analytics keyed by app type; `all` when asked for app_types=ALL without a split (9.4). */
export const analytics = z.object({ all: analyticsOfAppType });
export type Analytics = z.output<typeof analyticsOfAppType>;
