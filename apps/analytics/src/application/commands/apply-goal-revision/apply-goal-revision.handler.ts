import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { KPI_TRACKER_REPOSITORY } from '../../../analytics.tokens.js';
import { KpiTracker } from '../../../domain/kpi-tracker.aggregate.js';
import type { KpiTrackerRepository } from '../../ports/kpi-tracker-repository.port.js';
import { ApplyGoalRevisionCommand, type ApplyGoalRevisionOutcome } from './apply-goal-revision.command.js';

@CommandHandler(ApplyGoalRevisionCommand)
export class ApplyGoalRevisionHandler implements ICommandHandler<ApplyGoalRevisionCommand> {
  constructor(
    @Inject(KPI_TRACKER_REPOSITORY) private readonly trackers: KpiTrackerRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: ApplyGoalRevisionCommand): Promise<{ outcome: ApplyGoalRevisionOutcome }> {
    const { data } = command;
    const outcome = await this.apply(data);
    this.logger.write('info', `KPI tracker ${outcome} for goal revision`, {
      goalId: data.goalId,
      goalRevision: data.goalRevision,
    });
    return { outcome };
  }

  private async apply(data: ApplyGoalRevisionCommand['data']): Promise<ApplyGoalRevisionOutcome> {
    const tracker = await this.trackers.findByGoalForUpdate(data.tenantId, data.goalId);
    if (tracker === null) {
      // The goal predates this service's tracking (or its GoalSet was dead-lettered): start from this state.
      const started = KpiTracker.start({ id: uuidv7(), ...data }, new Date());
      return (await this.trackers.addIfAbsent(started)) ? 'started' : 'ignored';
    }
    if (!tracker.applyGoalRevision(data)) {
      return 'ignored';
    }
    await this.trackers.update(tracker);
    return 'updated';
  }
}
