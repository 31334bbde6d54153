/** One pass of the refresh sweep: every connected channel whose token expires within `horizonMs`. */
export class RefreshExpiringChannelsCommand {
  constructor(
    readonly horizonMs: number,
    readonly batchSize = 100,
  ) {}
}

export interface SweepResult {
  readonly refreshed: number;
  readonly reauthRequired: number;
  readonly failed: number;
}
