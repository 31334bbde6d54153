import type { Month } from './budget-plan.aggregate.js';

export type ActualsCategory = 'paid-media' | 'team' | 'tools' | 'other-cost' | 'revenue';

/** What was really spent and earned in one month, as last reported (BudgetActualsRecorded v1). */
export interface BudgetActuals {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly month: Month;
  readonly currency: string;
  /** Figures as of this instant; a statement with an older asOf than the stored one is dropped. */
  readonly asOf: Date;
  readonly lines: readonly {
    readonly category: ActualsCategory;
    readonly network: string | null;
    readonly goalId: string | null;
    readonly amountMinor: number;
  }[];
}

/** Whether an incoming statement should replace the stored one (newer or equal figures win; replays are no-ops). */
export function supersedes(incoming: BudgetActuals, stored: BudgetActuals | null): boolean {
  return stored === null || incoming.asOf.getTime() >= stored.asOf.getTime();
}
