import { z } from 'zod';
import { CONTENT_TYPES } from '../../../domain/post-content.value-object.js';

export const MediaRefBody = z.strictObject({
  mediaId: z.uuid(),
  kind: z.enum(['image', 'video', 'gif']),
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a MIME type such as image/jpeg'),
  url: z.url({ protocol: /^https?$/ }),
  sizeBytes: z.int().positive().nullable().default(null),
  width: z.int().positive().nullable().default(null),
  height: z.int().positive().nullable().default(null),
  durationSeconds: z.number().positive().nullable().default(null),
  altText: z.string().max(5000).nullable().default(null),
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

/** The master as the domain keeps it. */
export function contentOf(body: PostBody) {
  return {
    master: { text: body.text, media: body.media, firstComment: body.firstComment, thread: body.thread },
    targets: body.targets,
    contentType: body.contentType,
    tags: body.tags,
    campaignId: body.campaignId,
    pillarKey: body.pillarKey,
    goalIds: body.goalIds,
  };
}
