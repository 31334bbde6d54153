import { Command } from '@nestjs/cqrs';
import type { StartKpiTrackingInput } from '../../../domain/kpi-tracker.aggregate.js';

export type StartKpiTrackingData = Omit<StartKpiTrackingInput, 'id'>;

/** Result: whether a tracker was created (false: the goal already had one, e.g. a redelivered event). */
export class StartKpiTrackingCommand extends Command<{ created: boolean }> {
  constructor(readonly data: StartKpiTrackingData) {
    super();
  }
}
