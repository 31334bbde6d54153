import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { supersedes } from '../../../domain/budget-actuals.value-object.js';
import { BUDGET_REPOSITORY } from '../../../strategy.tokens.js';
import type { BudgetRepository } from '../../ports/budget-repository.port.js';
import { RecordBudgetActualsCommand } from './record-budget-actuals.command.js';

@CommandHandler(RecordBudgetActualsCommand)
export class RecordBudgetActualsHandler implements ICommandHandler<RecordBudgetActualsCommand> {
  constructor(
    @Inject(BUDGET_REPOSITORY) private readonly budgets: BudgetRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute({ actuals }: RecordBudgetActualsCommand): Promise<{ stored: boolean }> {
    const stored = await this.budgets.findActuals(actuals.tenantId, actuals.workspaceId, actuals.month);
    if (!supersedes(actuals, stored)) {
      this.logger.write('info', 'budget actuals older than the stored statement, dropped', {
        month: actuals.month,
      });
      return { stored: false };
    }
    await this.budgets.putActuals(actuals);
    this.logger.write('info', 'budget actuals recorded', {
      month: actuals.month,
      lines: actuals.lines.length,
    });
    return { stored: true };
  }
}
