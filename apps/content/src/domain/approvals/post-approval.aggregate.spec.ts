import { describe, expect, it } from 'vitest';
import { ApprovalForbiddenError } from './approval.errors.js';
import { ApprovalCompletedEvent } from './events/approval-completed.event.js';
import { ApprovalRequestedEvent } from './events/approval-requested.event.js';
import { ApprovalStepGrantedEvent } from './events/approval-step-granted.event.js';
import { PostApproval } from './post-approval.aggregate.js';

const now = new Date('2030-01-01T09:00:00Z');
const post = { postId: 'p1', tenantId: 't1', workspaceId: 'w1', authorId: 'author' };
const workflow = {
  steps: [
    { role: 'strategist' as const, mode: 'all' as const, memberIds: ['s1', 's2'] },
    { role: 'client-approver' as const, mode: 'any' as const, memberIds: [] },
  ],
};
const approve = (by: string, roles: string[], step = 1, version = 1) => ({
  step,
  version,
  decision: 'approved' as const,
  comment: '',
  by,
  roles: roles as never,
  via: 'member' as const,
});

describe('a post approval', () => {
  it('needs a workflow to be submitted', () => {
    expect(() => PostApproval.submit(post, { steps: [] }, 1, 'author', now)).toThrow('no approval workflow');
  });

  it("completes an 'all' step only when every named member approved, then moves on", () => {
    const a = PostApproval.submit(post, workflow, 1, 'author', now);
    a.decide(approve('s1', ['strategist']), now);
    expect(a.snapshot()).toMatchObject({ status: 'pending', step: 1 });
    expect(a.pendingEvents().filter((e) => e instanceof ApprovalStepGrantedEvent)).toHaveLength(0);
    a.decide(approve('s2', ['strategist']), now);
    expect(a.snapshot()).toMatchObject({ status: 'pending', step: 2 });
    a.decide(approve('anyone', ['client-approver'], 2), now);
    expect(a.status).toBe('approved');
    expect(a.blockingReason()).toBeNull();
    expect(a.pendingEvents().filter((e) => e instanceof ApprovalStepGrantedEvent)).toHaveLength(2);
    expect(a.pendingEvents().at(-1)).toBeInstanceOf(ApprovalCompletedEvent);
  });

  it('refuses a decider without the role, naming it, and one not named by an all step', () => {
    const a = PostApproval.submit(post, workflow, 1, 'author', now);
    expect(() => a.decide(approve('c', ['client-approver']), now)).toThrow(ApprovalForbiddenError);
    expect(() => a.decide(approve('c', ['client-approver']), now)).toThrow("needs the role 'strategist'");
    expect(() => a.decide(approve('s3', ['strategist']), now)).toThrow('members it names');
    expect(a.snapshot().decisions).toEqual([]);
  });

  it('goes back to step 1 of a new round when the content changes, approved or pending; not when rejected', () => {
    const a = PostApproval.submit(post, { steps: [workflow.steps[1]!] }, 1, 'author', now);
    a.decide(approve('c', ['client-approver']), now);
    expect(a.status).toBe('approved');
    a.clearPendingEvents();
    a.contentChanged(2, 'author', now);
    expect(a.snapshot()).toMatchObject({ status: 'pending', round: 2, version: 2, step: 1, decisions: [] });
    expect((a.pendingEvents()[0] as ApprovalRequestedEvent).reason).toBe('changed');
    a.decide({ ...approve('c', ['client-approver'], 1, 2), decision: 'rejected', comment: 'No' }, now);
    a.contentChanged(3, 'author', now);
    expect(a.snapshot()).toMatchObject({ status: 'rejected', version: 2 });
    a.submitAgain({ steps: [workflow.steps[1]!] }, 3, 'author', now);
    expect(a.snapshot()).toMatchObject({ status: 'pending', round: 3, version: 3 });
  });
});
