import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { KPI_TRACKER_REPOSITORY } from '../../../analytics.tokens.js';
import type { KpiTrackerRepository } from '../../ports/kpi-tracker-repository.port.js';
import { RetireKpiTrackingCommand } from './retire-kpi-tracking.command.js';

@CommandHandler(RetireKpiTrackingCommand)
export class RetireKpiTrackingHandler implements ICommandHandler<RetireKpiTrackingCommand> {
  constructor(
    @Inject(KPI_TRACKER_REPOSITORY) private readonly trackers: KpiTrackerRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: RetireKpiTrackingCommand): Promise<{ retired: boolean }> {
    const { tenantId, goalId, reason, retiredAt } = command.data;
    const tracker = await this.trackers.findByGoalForUpdate(tenantId, goalId);
    const retired = tracker !== null && tracker.retire(reason, retiredAt);
    if (retired) {
      await this.trackers.update(tracker);
    }
    this.logger.write('info', retired ? 'KPI tracker retired' : 'KPI tracker retirement ignored', {
      goalId,
      reason,
      tracked: tracker !== null,
    });
    return { retired };
  }
}
