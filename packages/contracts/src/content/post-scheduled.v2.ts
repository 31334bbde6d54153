import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id, Instant, Slug, TimeZone } from '../shared/primitives.js';
import { UtmSchema } from '../shared/utm.js';
import { postTargetRefV1Fields } from './post-target-ref.v1.js';

// v2 because v1 carries only when and where: publishing also needs what to send, per target.
const MediaRefV2 = z.object({
  mediaId: Id,
  kind: z.enum(['image', 'video', 'gif']),
  mimeType: z.string().min(1),
  url: z.url().describe('Where the network (or the connector) fetches the file'),
  sizeBytes: z.int().positive().nullable(),
  width: z.int().positive().nullable(),
  height: z.int().positive().nullable(),
  durationSeconds: z.number().positive().nullable(),
  altText: z.string().nullable(),
});

/**
 * One target of a post was put on the calendar, or changed while there: one event per target, carrying the
 * target exactly as it must go out. The event with the highest revision for a target replaces earlier ones.
 */
export const postScheduledV2 = defineEvent({
  type: 'PostScheduled',
  version: 2,
  source: 'content',
  payload: z
    .object({
      ...postTargetRefV1Fields,
      revision: z.int().positive().describe("The post's revision; a higher one replaces what you hold"),
      scheduledFor: Instant,
      timeZone: TimeZone.describe('The time zone the member scheduled in'),
      contentType: Slug.describe("e.g. 'text', 'link', 'image', 'carousel', 'video', 'story', 'reel'"),
      text: z.string().describe("The variant's text as it must be sent: links already carry their UTM tags"),
      firstComment: z.string().nullable(),
      thread: z
        .array(z.object({ text: z.string(), media: z.array(MediaRefV2) }))
        .describe('The posts after the first, in order'),
      media: z.array(MediaRefV2),
      settings: z.record(z.string(), z.unknown()).describe("The connector's per-post settings"),
      utm: UtmSchema.nullable().describe('The UTM tags added to its links; null when tagging is off'),
      goalIds: z.array(Id),
      campaignId: Id.nullable(),
      pillarKey: z.string().min(1).max(100).nullable().describe("The strategy's content pillar key"),
      tags: z.array(z.string().min(1).max(100)),
      scheduledById: Id,
    })
    .describe('What one target will publish, and when'),
});

export type PostScheduledV2 = PayloadOf<typeof postScheduledV2>;
