import { z } from '@chorus/connector-sdk';

/** Answers of Google's APIs as this connector reads them (network-apis.md 8); unknown fields are ignored. */

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().default(''),
  token_type: z.string(),
});
export type TokenResponse = z.output<typeof tokenResponse>;

// Google sends counters as strings of digits.
const count = z
  .string()
  .regex(/^\d+$/u)
  .transform((value) => Number(value));

export const channelList = z.object({
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        snippet: z
          .object({
            title: z.string(),
            customUrl: z.string().optional(),
            thumbnails: z.object({ default: z.object({ url: z.string() }).optional() }).optional(),
          })
          .optional(),
        statistics: z
          .object({
            viewCount: count.optional(),
            subscriberCount: count.optional(),
            hiddenSubscriberCount: z.boolean().optional(),
            videoCount: count.optional(),
          })
          .optional(),
        contentDetails: z.object({ relatedPlaylists: z.object({ uploads: z.string().min(1) }) }).optional(),
      }),
    )
    .default([]),
});

export const videoResource = z.object({
  id: z.string().min(1),
  snippet: z
    .object({ title: z.string(), description: z.string().default(''), publishedAt: z.string().optional() })
    .optional(),
  status: z
    .object({
      uploadStatus: z.enum(['uploaded', 'processed', 'failed', 'rejected', 'deleted']).optional(),
      privacyStatus: z.string().optional(),
      failureReason: z.string().optional(),
      rejectionReason: z.string().optional(),
    })
    .optional(),
  processingDetails: z
    .object({ processingStatus: z.enum(['processing', 'succeeded', 'failed', 'terminated']) })
    .optional(),
  statistics: z
    .object({
      viewCount: count.optional(),
      likeCount: count.optional(),
      commentCount: count.optional(),
      // Deprecated (always 0) and no longer public: read, never mapped.
      favoriteCount: count.optional(),
      dislikeCount: count.optional(),
    })
    .optional(),
});
export type VideoResource = z.output<typeof videoResource>;

export const videoList = z.object({ items: z.array(videoResource).default([]) });

export const playlistItemList = z.object({
  items: z
    .array(
      z.object({
        snippet: z.object({
          title: z.string(),
          description: z.string().default(''),
          publishedAt: z.string(),
          resourceId: z.object({ videoId: z.string().min(1) }),
        }),
      }),
    )
    .default([]),
  nextPageToken: z.string().optional(),
});

export const commentSnippet = z.object({
  textDisplay: z.string().optional(),
  textOriginal: z.string().optional(),
  authorDisplayName: z.string().default(''),
  authorChannelUrl: z.string().optional(),
  authorChannelId: z.object({ value: z.string() }).optional(),
  parentId: z.string().optional(),
  videoId: z.string().optional(),
  likeCount: z.number().optional(),
  publishedAt: z.string().min(1),
  updatedAt: z.string().optional(),
  moderationStatus: z.string().optional(),
});

export const comment = z.object({ id: z.string().min(1), snippet: commentSnippet });
export type YoutubeComment = z.output<typeof comment>;

export const commentList = z.object({
  items: z.array(comment).default([]),
  nextPageToken: z.string().optional(),
});

export const commentThread = z.object({
  id: z.string().min(1),
  snippet: z.object({
    videoId: z.string().optional(),
    topLevelComment: comment,
    totalReplyCount: z.number().int().min(0).default(0),
  }),
  replies: z.object({ comments: z.array(comment).default([]) }).optional(),
});
export type YoutubeCommentThread = z.output<typeof commentThread>;

export const commentThreadList = z.object({
  items: z.array(commentThread).default([]),
  nextPageToken: z.string().optional(),
});

/** The Analytics API's resultTable (8.4): column headers, then rows of values in that order. */
export const resultTable = z.object({
  kind: z.literal('youtubeAnalytics#resultTable').optional(),
  columnHeaders: z.array(
    z.object({ name: z.string().min(1), columnType: z.string().optional(), dataType: z.string().optional() }),
  ),
  rows: z.array(z.array(z.union([z.string(), z.number()]))).default([]),
});
export type ResultTable = z.output<typeof resultTable>;
