import { Command } from '@nestjs/cqrs';
import type { BudgetPlanContent } from '../../../domain/budget-plan.aggregate.js';

export class SaveBudgetPlanCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly content: BudgetPlanContent,
    readonly savedBy: string,
  ) {
    super();
  }
}
