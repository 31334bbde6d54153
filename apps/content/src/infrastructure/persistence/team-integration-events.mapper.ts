import { createEnvelope, notificationRequestedV1, type EventEnvelope } from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import type { PostComment } from '../../application/ports/team-repository.port.js';
import type { AssetRequestProps } from '../../domain/collaboration/asset-request.aggregate.js';
import { AssetRequestChangedEvent } from '../../domain/collaboration/events/asset-request-changed.event.js';

/** The members a comment mentions are told (never its author, who knows). */
export function commentNotifications(comment: PostComment): EventEnvelope[] {
  const told = comment.mentions.filter((id) => id !== comment.authorId);
  if (told.length === 0) {
    return [];
  }
  return [
    createEnvelope(
      notificationRequestedV1,
      {
        tenantId: comment.tenantId,
        workspaceId: comment.workspaceId,
        correlationId: currentCorrelationId(),
        occurredAt: comment.createdAt,
      },
      {
        requestedBy: 'content',
        kind: 'mentioned-in-comment',
        title: 'You were mentioned in a comment on a post',
        body: 'A teammate mentioned you in an internal comment. Open the post to read it and answer.',
        link: `/content/posts/${comment.postId}`,
        object: { type: 'post', id: comment.postId },
        recipients: { rule: 'members', memberIds: told },
      },
    ),
  ];
}

const TEXTS: Record<AssetRequestProps['status'], { title: string; body: string }> = {
  open: {
    title: 'A new asset request for you',
    body: 'You were asked for an asset for a post. Open the request to read the brief and its due date.',
  },
  'in-progress': {
    title: 'Your asset request is in progress',
    body: 'The assignee started on the asset you asked for.',
  },
  delivered: {
    title: 'Your asset request was delivered',
    body: 'The asset you asked for was delivered and attached to the post. Open the post to use it.',
  },
  cancelled: {
    title: 'An asset request was cancelled',
    body: 'An asset request assigned to you was cancelled; no more work is needed on it.',
  },
};

/**
 * An asset request's changes tell the other side: the assignee when it is opened, reopened or cancelled, the
 * requester when work starts or is delivered. Whoever acted is not told of their own act.
 */
export function assetRequestNotifications(events: readonly object[]): EventEnvelope[] {
  return events.flatMap((event): EventEnvelope[] => {
    if (!(event instanceof AssetRequestChangedEvent)) {
      return [];
    }
    const r = event.request;
    const toRequester = r.status === 'in-progress' || r.status === 'delivered';
    const recipient = toRequester ? r.requestedBy : r.assigneeId;
    if (recipient === event.by) {
      return [];
    }
    return [
      createEnvelope(
        notificationRequestedV1,
        {
          tenantId: r.tenantId,
          workspaceId: r.workspaceId,
          correlationId: currentCorrelationId(),
          occurredAt: r.updatedAt,
        },
        {
          requestedBy: 'content',
          kind: `asset-request-${r.status}`,
          ...TEXTS[r.status],
          link: `/content/posts/${r.postId}`,
          object: { type: 'asset-request', id: r.id },
          recipients: { rule: 'members', memberIds: [recipient] },
        },
      ),
    ];
  });
}
