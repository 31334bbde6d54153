import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { budgetActualsRecordedV1, type BudgetActualsRecordedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordBudgetActualsCommand } from '../../application/commands/record-budget-actuals/record-budget-actuals.command.js';

/**
 * BudgetActualsRecorded v1 -> the month's actuals in the profit-and-loss view. Idempotent twice over: the bus
 * applies an event id once, and a statement replaces the month's only when it is not older (`asOf`), so a
 * replay or an out-of-order delivery changes nothing.
 */
@Injectable()
export class BudgetActualsRecordedKafkaConsumer implements MessageHandler<BudgetActualsRecordedV1> {
  readonly contract = budgetActualsRecordedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<BudgetActualsRecordedV1>): Promise<void> {
    if (event.workspaceId === null) {
      return;
    } // a statement is always about one workspace; an agency-wide one has nothing to attach to
    const p = event.payload;
    await this.commands.execute(
      new RecordBudgetActualsCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        month: p.month,
        currency: p.currency,
        asOf: new Date(p.asOf),
        lines: p.lines,
      }),
    );
  }
}
