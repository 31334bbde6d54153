import { z } from 'zod';
import { CONTENT_TYPES, type MediaRef } from '../../../domain/post-content.value-object.js';
import type { MediaHolder } from '../../../media/domain/post-media.value-object.js';

/** A file of the workspace's media library; its type, size, dimensions and duration come from the library. */
export const MediaRefBody = z.strictObject({
  mediaId: z.uuid().describe("A file of the workspace's media library (POST /media)"),
  altText: z
    .string()
    .max(5000)
    .nullable()
    .optional()
    .describe("Alt text for this post only; absent or null: the library's"),
});

const Text = z.string().max(100_000);
const Media = z.array(MediaRefBody).max(35);
const Thread = z.array(z.strictObject({ text: Text, media: Media.default([]) })).max(50);

export const TargetBody = z.strictObject({
  channelId: z.uuid(),
  text: Text.nullable().default(null).describe("This channel's text; null: the master text"),
  media: Media.nullable().default(null).describe("This channel's media; null: the master's"),
  firstComment: Text.nullable().default(null).describe("null: the master's first comment"),
  thread: Thread.nullable().default(null).describe("null: the master's thread"),
  settings: z.record(z.string(), z.unknown()).default({}).describe("The connector's per-post settings"),
});

export const PostBody = z.strictObject({
  text: Text.default('').describe('The master text'),
  media: Media.default([]),
  firstComment: Text.nullable().default(null),
  thread: Thread.default([]).describe('Posts after the first, where the network has threads'),
  targets: z.array(TargetBody).max(50).default([]).describe('One per channel; none yet for an idea'),
  contentType: z.enum(CONTENT_TYPES).default('text'),
  tags: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  campaignId: z.uuid().nullable().default(null),
  pillarKey: z.string().trim().min(1).max(100).nullable().default(null),
  goalIds: z.array(z.uuid()).max(20).default([]).describe('The strategy goals the post serves'),
});

export type PostBody = z.infer<typeof PostBody>;

export const EditPostBody = PostBody.extend({
  revision: z.int().positive().describe('The revision the edit is based on'),
});

export type EditPostBody = z.infer<typeof EditPostBody>;

export const ScheduleBody = z.strictObject({
  publishAt: z.iso.datetime({ offset: true }).describe('The instant, with Z or an offset'),
  timeZone: z.string().min(1).max(100).describe('IANA time zone the member plans in, e.g. Europe/Rome'),
});

export type ScheduleBody = z.infer<typeof ScheduleBody>;

export const ListPostsQueryDto = z.strictObject({
  status: z.enum(['draft', 'scheduled']).optional(),
  campaignId: z.uuid().optional(),
});

/** The master as the domain keeps it, with the media the library resolved (AttachLibraryMediaQuery). */
export function contentOf(body: PostBody, attached: MediaHolder<MediaRef>) {
  return {
    master: {
      text: body.text,
      media: attached.media,
      firstComment: body.firstComment,
      thread: attached.thread,
    },
    targets: body.targets.map((t, i) => ({
      ...t,
      media: attached.targets[i]!.media,
      thread: attached.targets[i]!.thread,
    })),
    contentType: body.contentType,
    tags: body.tags,
    campaignId: body.campaignId,
    pillarKey: body.pillarKey,
    goalIds: body.goalIds,
  };
}
