import { createEnvelope, postScheduledV2, type EventEnvelope } from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import { PostScheduledEvent } from '../../domain/events/post-scheduled.event.js';

/** PostScheduled v2, one per target, carrying the target as it must go out (v1 is not produced any more). */
export function postIntegrationEvents(events: readonly object[]): EventEnvelope[] {
  return events.flatMap((event): EventEnvelope[] => {
    if (!(event instanceof PostScheduledEvent)) {
      return [];
    }
    const post = event.post;
    const schedule = post.schedule!;
    return event.targets.map((target) =>
      createEnvelope(
        postScheduledV2,
        {
          tenantId: post.tenantId,
          workspaceId: post.workspaceId,
          correlationId: currentCorrelationId(),
          occurredAt: post.updatedAt,
        },
        {
          postId: post.id,
          targetId: target.targetId,
          channelId: target.channelId,
          network: target.network,
          revision: post.revision,
          scheduledFor: schedule.publishAt.toISOString(),
          timeZone: schedule.timeZone,
          contentType: target.contentType,
          text: target.text,
          firstComment: target.firstComment,
          thread: target.thread.map((item) => ({ text: item.text, media: [...item.media] })),
          media: [...target.media],
          settings: { ...target.settings },
          utm: target.utm === null ? null : { ...target.utm, term: null },
          goalIds: [...post.goalIds],
          campaignId: post.campaignId,
          pillarKey: post.pillarKey,
          tags: [...post.tags],
          scheduledById: post.updatedBy,
        },
      ),
    );
  });
}
