import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { KPI_TRACKER_REPOSITORY } from '../../../analytics.tokens.js';
import { KpiTracker } from '../../../domain/kpi-tracker.aggregate.js';
import type { KpiTrackerRepository } from '../../ports/kpi-tracker-repository.port.js';
import { StartKpiTrackingCommand } from './start-kpi-tracking.command.js';

@CommandHandler(StartKpiTrackingCommand)
export class StartKpiTrackingHandler implements ICommandHandler<StartKpiTrackingCommand> {
  constructor(
    @Inject(KPI_TRACKER_REPOSITORY) private readonly trackers: KpiTrackerRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: StartKpiTrackingCommand): Promise<{ created: boolean }> {
    const tracker = KpiTracker.start({ id: uuidv7(), ...command.data }, new Date());
    const created = await this.trackers.addIfAbsent(tracker);
    this.logger.write('info', created ? 'KPI tracker started' : 'KPI tracker already exists', {
      goalId: command.data.goalId,
      kpiTrackerId: created ? tracker.id : undefined,
    });
    return { created };
  }
}
