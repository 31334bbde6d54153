import { isRole, type Role } from '@chorus/access';
import type { ContentProblem } from '../content.errors.js';

/**
 * One step of a workspace's approval workflow: a role, and whether any one holder of it decides ('any') or
 * every member named in `memberIds` must approve ('all'). Content does not keep the member directory (the
 * gateway owns it), so an 'all' step names its members; each must still hold the role when deciding.
 */
export interface ApprovalStep {
  readonly role: Role;
  readonly mode: 'any' | 'all';
  readonly memberIds: readonly string[];
}

/** No steps: posts need no approval (the default). */
export interface ApprovalWorkflow {
  readonly steps: readonly ApprovalStep[];
}

export const NO_APPROVAL: ApprovalWorkflow = { steps: [] };
export const MAX_STEPS = 5;
export const MAX_MEMBERS_PER_STEP = 20;

/** The rules a workflow must keep, each broken one named on its field (`steps.1.memberIds`). */
export function workflowProblems(workflow: ApprovalWorkflow): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (workflow.steps.length > MAX_STEPS) {
    problems.push({ field: 'steps', problem: `at most ${MAX_STEPS} steps, not ${workflow.steps.length}` });
  }
  workflow.steps.forEach((step, i) => {
    if (!isRole(step.role)) {
      problems.push({ field: `steps.${i}.role`, problem: `'${String(step.role)}' is not a role` });
    }
    if (step.mode === 'all' && step.memberIds.length === 0) {
      problems.push({
        field: `steps.${i}.memberIds`,
        problem: "an 'all' step names the members who must all approve (1 to 20 member ids)",
      });
    }
    if (step.mode === 'any' && step.memberIds.length > 0) {
      problems.push({
        field: `steps.${i}.memberIds`,
        problem:
          "an 'any' step is decided by any holder of the role: leave memberIds empty, or use mode 'all'",
      });
    }
    if (new Set(step.memberIds).size !== step.memberIds.length) {
      problems.push({ field: `steps.${i}.memberIds`, problem: 'names a member twice' });
    }
  });
  return problems;
}

/** How a step reads in messages: "step 2 of 3 (client-approver, any)". */
export function describeStep(steps: readonly ApprovalStep[], step: number): string {
  const s = steps[step - 1]!;
  return `step ${step} of ${steps.length} (${s.role}, ${s.mode === 'any' ? 'any one of them' : `all ${s.memberIds.length} named members`})`;
}
