import {
  createEnvelope,
  notificationRequestedV1,
  postApprovedV1,
  type EventEnvelope,
  type NotificationRequestedV1,
} from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import { describeStep } from '../../domain/approvals/approval-workflow.value-object.js';
import { ApprovalCompletedEvent } from '../../domain/approvals/events/approval-completed.event.js';
import { ApprovalRejectedEvent } from '../../domain/approvals/events/approval-rejected.event.js';
import { ApprovalRequestedEvent } from '../../domain/approvals/events/approval-requested.event.js';
import { ApprovalStepGrantedEvent } from '../../domain/approvals/events/approval-step-granted.event.js';
import type { PostApprovalProps } from '../../domain/approvals/post-approval.aggregate.js';

type Notification = Omit<NotificationRequestedV1, 'requestedBy' | 'link' | 'object'>;

/**
 * An approval's domain events as integration events: PostApproved v1 for each step granted (the gateway's audit
 * log), and NotificationRequested v1 to the step's approvers when it awaits them and to the author (and the
 * member who submitted) when the post is approved or rejected.
 */
export function approvalIntegrationEvents(events: readonly object[]): EventEnvelope[] {
  return events.flatMap((event): EventEnvelope[] => {
    if (event instanceof ApprovalStepGrantedEvent) {
      const a = event.approval;
      return [
        createEnvelope(postApprovedV1, metaOf(a), {
          postId: a.postId,
          step: event.decision.step,
          totalSteps: a.steps.length,
          approvedById: event.decision.decidedBy,
          approverRole: event.decision.role,
        }),
      ];
    }
    if (event instanceof ApprovalRequestedEvent) {
      const a = event.approval;
      const step = a.steps[a.step - 1]!;
      const why = {
        submitted: 'It was submitted for approval.',
        'next-step': `The previous step approved it.`,
        changed: 'It was edited after it was submitted or approved, so it needs approval again.',
      }[event.reason];
      return [
        notify(a, {
          kind: 'post-awaiting-approval',
          title: `A post awaits your approval (${describeStep(a.steps, a.step)})`,
          body: `${why} Open it to read version ${a.version} and approve or reject it with a comment.`,
          recipients:
            step.mode === 'any'
              ? { rule: 'roles', roles: [step.role] }
              : { rule: 'members', memberIds: [...step.memberIds] },
        }),
      ];
    }
    if (event instanceof ApprovalCompletedEvent) {
      const a = event.approval;
      return [
        notify(a, {
          kind: 'post-approved',
          title: 'Your post was approved',
          body: `Every approval step approved version ${a.version}; it can be scheduled now.`,
          recipients: { rule: 'members', memberIds: authors(a) },
        }),
      ];
    }
    if (event instanceof ApprovalRejectedEvent) {
      const a = event.approval;
      return [
        notify(a, {
          kind: 'post-rejected',
          title: 'Your post was rejected',
          body:
            `It was rejected at ${describeStep(a.steps, event.decision.step)}. Open it to read the comment, ` +
            'edit it and submit it for approval again.',
          recipients: { rule: 'members', memberIds: authors(a) },
        }),
      ];
    }
    return [];
  });
}

function authors(a: PostApprovalProps): string[] {
  return [...new Set([a.authorId, a.submittedBy])];
}

function metaOf(a: PostApprovalProps) {
  return {
    tenantId: a.tenantId,
    workspaceId: a.workspaceId,
    correlationId: currentCorrelationId(),
    occurredAt: a.updatedAt,
  };
}

function notify(a: PostApprovalProps, n: Notification): EventEnvelope {
  return createEnvelope(notificationRequestedV1, metaOf(a), {
    requestedBy: 'content',
    ...n,
    link: `/content/posts/${a.postId}`,
    object: { type: 'post', id: a.postId },
  });
}
