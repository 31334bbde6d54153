import { InvalidGoalError } from './goal.errors.js';

/** Where a goal is measured; empty lists mean every channel and the whole audience of the workspace. */
export interface GoalScope {
  readonly channelIds: readonly string[];
  readonly audienceIds: readonly string[];
}

/** A goal may only aim at audiences of its own workspace. */
export function checkScopeAudiences(scope: GoalScope, workspaceAudienceIds: ReadonlySet<string>): void {
  const index = scope.audienceIds.findIndex((id) => !workspaceAudienceIds.has(id));
  if (index >= 0) {
    throw new InvalidGoalError(
      `scope.audienceIds.${index}`,
      `no audience ${scope.audienceIds[index]} in this workspace`,
    );
  }
}
