import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id, Instant, Slug } from '../shared/primitives.js';
import { UtmSchema } from '../shared/utm.js';
import { postTargetRefV1Fields } from './post-target-ref.v1.js';

/** A post is live on one channel; emitted exactly once per target, after the network confirmed it. */
export const postPublishedV1 = defineEvent({
  type: 'PostPublished',
  version: 1,
  source: 'content',
  payload: z
    .object({
      ...postTargetRefV1Fields,
      remoteId: z.string().min(1).describe("The post's id on the network"),
      url: z.url().nullable().describe('Public link to the post; null when the network gives none'),
      publishedAt: Instant,
      utm: UtmSchema.nullable().describe('UTM tags added to the link; null when the post has no link'),
      goalIds: z.array(Id),
      contentType: Slug.describe(
        'From an open set: text, image, carousel, video, short-video, story, link, thread, ...',
      ),
      campaignId: Id.nullable(),
      pillarId: Id.nullable(),
    })
    .describe('Where the post went live, and what it serves, for analytics and attribution'),
});

export type PostPublishedV1 = PayloadOf<typeof postPublishedV1>;
