import { Command } from '@nestjs/cqrs';
import type { KpiRetirementReason } from '../../../domain/kpi-tracker.aggregate.js';

export interface RetireKpiTrackingData {
  readonly tenantId: string;
  readonly goalId: string;
  readonly reason: KpiRetirementReason;
  readonly retiredAt: Date;
}

/** Result: whether a tracker was retired (false: no tracker, or already retired). */
export class RetireKpiTrackingCommand extends Command<{ retired: boolean }> {
  constructor(readonly data: RetireKpiTrackingData) {
    super();
  }
}
