import { z } from 'zod';
import type { PublicationView } from '../../../application/ports/publication-repository.port.js';

export const PublicationTargetDto = z.object({
  targetId: z.uuid(),
  channelId: z.uuid(),
  network: z.string(),
  state: z
    .enum(['scheduled', 'waiting', 'held', 'publishing', 'published', 'failed', 'needs-review'])
    .describe('held: due while publishing is paused for the workspace'),
  dueAt: z.iso.datetime().describe('When it was planned to go out'),
  nextAttemptAt: z.iso
    .datetime()
    .nullable()
    .describe('waiting or held: when it will go (held: as soon as publishing resumes)'),
  waitingReason: z
    .enum(['retry', 'quota', 'checking', 'paused'])
    .nullable()
    .describe(
      "retry: the network could not be reached; quota: the network's limit for the account; checking: " +
        'Chorus is making sure an earlier attempt did not go out; paused: publishing is paused',
    ),
  reason: z
    .object({ code: z.string().nullable(), message: z.string(), action: z.string().nullable() })
    .nullable()
    .describe('Why it is waiting, failed or needs review, and what to do'),
  attempts: z.int(),
  remoteId: z.string().nullable(),
  url: z.string().nullable().describe('Where the post is live'),
  publishedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

export const PublicationDto = z.object({ postId: z.uuid(), targets: z.array(PublicationTargetDto) });

export const ReviewBody = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('published'),
    url: z.url().describe('The link of the post on the network, as a person found it'),
  }),
  z.object({ outcome: z.literal('not-published').describe('Not on the network: Chorus publishes it again') }),
]);
export type ReviewBody = z.infer<typeof ReviewBody>;

export function toPublicationTargetDto(view: PublicationView): z.infer<typeof PublicationTargetDto> {
  return {
    targetId: view.targetId,
    channelId: view.channelId,
    network: view.network,
    state: view.state === 'cancelled' ? 'failed' : view.state,
    dueAt: view.dueAt.toISOString(),
    nextAttemptAt: view.nextAttemptAt?.toISOString() ?? null,
    waitingReason: view.waitingReason,
    reason: view.reason,
    attempts: view.attempts,
    remoteId: view.remoteId,
    url: view.url,
    publishedAt: view.publishedAt?.toISOString() ?? null,
    updatedAt: view.updatedAt.toISOString(),
  };
}
