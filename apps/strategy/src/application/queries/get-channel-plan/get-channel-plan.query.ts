import { Query } from '@nestjs/cqrs';
import type { ChannelPlanProps, PlannedChannel } from '../../../domain/channel-plan.aggregate.js';
import type { ChannelFit } from '../../../domain/channel-fit.value-object.js';

export interface ScoredChannel {
  readonly network: string;
  /** false: a network where the audiences are but that the plan does not use (scored at a default cadence). */
  readonly planned: boolean;
  readonly cadence: PlannedChannel;
  readonly hoursNeededPerWeek: number;
  readonly fit: ChannelFit;
}

export interface ChannelPlanView {
  readonly plan: ChannelPlanProps;
  /** Planned networks and candidate networks from the audiences, best fit first. */
  readonly channels: readonly ScoredChannel[];
  readonly capacity: {
    readonly hoursNeededPerWeek: number;
    readonly teamHoursPerWeek: number;
    readonly overBy: number;
  };
}

export class GetChannelPlanQuery extends Query<ChannelPlanView> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
