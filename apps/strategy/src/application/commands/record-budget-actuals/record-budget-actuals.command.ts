import { Command } from '@nestjs/cqrs';
import type { BudgetActuals } from '../../../domain/budget-actuals.value-object.js';

/** From BudgetActualsRecorded v1: the month's statement, stored unless a newer one is already there. */
export class RecordBudgetActualsCommand extends Command<{ stored: boolean }> {
  constructor(readonly actuals: BudgetActuals) {
    super();
  }
}
