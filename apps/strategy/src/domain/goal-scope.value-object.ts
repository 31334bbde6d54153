/** Where a goal is measured; empty lists mean every channel and the whole audience of the workspace. */
export interface GoalScope {
  readonly channelIds: readonly string[];
  readonly audienceIds: readonly string[];
}
