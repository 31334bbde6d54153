import type { Role } from '@chorus/access';
import { ContentConflictError, InvalidContentInputError } from '../content.errors.js';
import { ApprovalForbiddenError } from './approval.errors.js';
import { describeStep, type ApprovalStep, type ApprovalWorkflow } from './approval-workflow.value-object.js';
import { ApprovalCompletedEvent } from './events/approval-completed.event.js';
import { ApprovalRejectedEvent } from './events/approval-rejected.event.js';
import { ApprovalRequestedEvent } from './events/approval-requested.event.js';
import { ApprovalStepGrantedEvent } from './events/approval-step-granted.event.js';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** One member's (or one approval link's) decision on one step of a round. */
export interface ApprovalDecision {
  readonly round: number;
  readonly version: number;
  readonly step: number;
  readonly decision: 'approved' | 'rejected';
  readonly comment: string;
  /** The member; for a link, the link's id (its recipient has no account). */
  readonly decidedBy: string;
  readonly role: Role;
  readonly via: 'member' | 'link';
  readonly decidedAt: Date;
}

export interface PostApprovalProps {
  readonly postId: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly status: ApprovalStatus;
  /** +1 each time the post is submitted again or sent back by an edit; decisions belong to one round. */
  readonly round: number;
  /** The content version (content.post_version) this round approves. */
  readonly version: number;
  /** The step awaiting a decision (pending), or the last one decided. */
  readonly step: number;
  /** The workflow as it was when the round started: a later change of settings does not move a round. */
  readonly steps: readonly ApprovalStep[];
  readonly authorId: string;
  readonly submittedBy: string;
  readonly submittedAt: Date;
  readonly decisions: readonly ApprovalDecision[];
  /** +1 on every change: two decisions at once cannot both count. */
  readonly revision: number;
  readonly updatedAt: Date;
}

export interface DecisionInput {
  readonly step: number;
  readonly version: number;
  readonly decision: 'approved' | 'rejected';
  readonly comment: string;
  readonly by: string;
  /** A member's roles in the workspace; a link acts in the role of the step it was issued for. */
  readonly roles: readonly Role[];
  readonly via: 'member' | 'link';
}

/** A post's way through the workspace's approval steps, for one content version at a time. */
export class PostApproval {
  private events: object[] = [];

  private constructor(private props: PostApprovalProps) {}

  static restore(props: PostApprovalProps): PostApproval {
    return new PostApproval(props);
  }

  /** The first submission of a post: round 1 at step 1, for the content version as it is now. */
  static submit(
    post: { postId: string; tenantId: string; workspaceId: string; authorId: string },
    workflow: ApprovalWorkflow,
    version: number,
    by: string,
    now: Date,
  ): PostApproval {
    if (workflow.steps.length === 0) {
      throw new ContentConflictError(
        'This workspace has no approval workflow, so posts need no approval; an admin sets one with PUT /approval-workflow',
      );
    }
    const approval = new PostApproval({
      ...post,
      status: 'pending',
      round: 1,
      version,
      step: 1,
      steps: workflow.steps,
      submittedBy: by,
      submittedAt: now,
      decisions: [],
      revision: 1,
      updatedAt: now,
    });
    approval.events.push(new ApprovalRequestedEvent(approval.props, 'submitted'));
    return approval;
  }

  get status(): ApprovalStatus {
    return this.props.status;
  }

  /** Submitted again after a rejection (usually after an edit): a new round from step 1. */
  submitAgain(workflow: ApprovalWorkflow, version: number, by: string, now: Date): void {
    if (this.props.status === 'pending') {
      throw new ContentConflictError(
        `The post already awaits approval: ${describeStep(this.props.steps, this.props.step)}`,
      );
    }
    if (this.props.status === 'approved' && this.props.version === version) {
      throw new ContentConflictError('This version of the post is already approved');
    }
    if (workflow.steps.length === 0) {
      throw new ContentConflictError(
        'This workspace has no approval workflow any more, so the post needs no approval',
      );
    }
    this.startRound(workflow.steps, version, by, now);
    this.events.push(new ApprovalRequestedEvent(this.props, 'submitted'));
  }

  /**
   * The post's content changed (a new version): an approval given or asked for the old content no longer
   * holds, so the post goes back to step 1 of a new round. A rejected post waits for its author to submit it.
   */
  contentChanged(version: number, by: string, now: Date): void {
    if (this.props.status === 'rejected' || version === this.props.version) {
      return;
    }
    this.startRound(this.props.steps, version, by, now);
    this.events.push(new ApprovalRequestedEvent(this.props, 'changed'));
  }

  /** Approves or rejects the step awaiting a decision; refuses a stale version, the wrong step or role. */
  decide(input: DecisionInput, now: Date): void {
    const p = this.props;
    if (input.decision === 'rejected' && input.comment.trim() === '') {
      throw InvalidContentInputError.of(
        'comment',
        'say why you reject it, so the author knows what to change',
      );
    }
    if (p.status !== 'pending') {
      throw new ContentConflictError(
        p.status === 'approved'
          ? `The post is already approved (version ${p.version}); nothing awaits a decision`
          : `The post was rejected at step ${p.step}; its author must edit it and submit it again`,
      );
    }
    if (input.version !== p.version) {
      throw new ContentConflictError(
        `You reviewed version ${input.version}, but the post is at version ${p.version} now: reload it and decide on what will be published`,
      );
    }
    if (input.step !== p.step) {
      throw new ContentConflictError(
        `Step ${input.step} is not awaiting a decision: ${describeStep(p.steps, p.step)} is`,
      );
    }
    const step = p.steps[p.step - 1]!;
    if (!input.roles.includes(step.role)) {
      throw new ApprovalForbiddenError(
        `${capitalise(describeStep(p.steps, p.step))} needs the role '${step.role}'; your roles in this workspace: ${input.roles.join(', ') || 'none'}`,
      );
    }
    if (step.mode === 'all' && input.via === 'member' && !step.memberIds.includes(input.by)) {
      throw new ApprovalForbiddenError(
        `${capitalise(describeStep(p.steps, p.step))} is decided by the members it names, and you are not one of them`,
      );
    }
    const current = p.decisions.filter((d) => d.step === p.step);
    if (current.some((d) => d.decidedBy === input.by)) {
      throw new ContentConflictError(`You already decided ${describeStep(p.steps, p.step)}`);
    }
    const decision: ApprovalDecision = {
      round: p.round,
      version: p.version,
      step: p.step,
      decision: input.decision,
      comment: input.comment,
      decidedBy: input.by,
      role: step.role,
      via: input.via,
      decidedAt: now,
    };
    this.props = { ...p, decisions: [...p.decisions, decision], revision: p.revision + 1, updatedAt: now };
    if (input.decision === 'rejected') {
      this.props = { ...this.props, status: 'rejected' };
      this.events.push(new ApprovalRejectedEvent(this.props, decision));
      return;
    }
    const approvedBy = new Set(
      [...current, decision].filter((d) => d.decision === 'approved').map((d) => d.decidedBy),
    );
    const complete = step.mode === 'any' || step.memberIds.every((id) => approvedBy.has(id));
    if (!complete) {
      return;
    }
    this.events.push(new ApprovalStepGrantedEvent(this.props, decision));
    if (p.step === p.steps.length) {
      this.props = { ...this.props, status: 'approved' };
      this.events.push(new ApprovalCompletedEvent(this.props));
      return;
    }
    this.props = { ...this.props, step: p.step + 1 };
    this.events.push(new ApprovalRequestedEvent(this.props, 'next-step'));
  }

  /** Why the post may not be scheduled yet, or null when it is approved. */
  blockingReason(): string | null {
    const p = this.props;
    switch (p.status) {
      case 'approved':
        return null;
      case 'pending':
        return `The post awaits approval of version ${p.version}: ${describeStep(p.steps, p.step)}. It can be scheduled once every step approved it`;
      case 'rejected':
        return `The post was rejected at ${describeStep(p.steps, p.step)}; edit it, submit it for approval again, and schedule it once approved`;
    }
  }

  pendingEvents(): readonly object[] {
    return this.events;
  }

  clearPendingEvents(): void {
    this.events = [];
  }

  snapshot(): PostApprovalProps {
    return this.props;
  }

  private startRound(steps: readonly ApprovalStep[], version: number, by: string, now: Date): void {
    this.props = {
      ...this.props,
      status: 'pending',
      round: this.props.round + 1,
      version,
      step: 1,
      steps,
      submittedBy: by,
      submittedAt: now,
      decisions: [],
      revision: this.props.revision + 1,
      updatedAt: now,
    };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
