import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  CANDIDATE_CADENCE,
  weeklyHours,
  type PlannedChannel,
} from '../../../domain/channel-plan.aggregate.js';
import { channelFit, type FitAudience, type FitGoal } from '../../../domain/channel-fit.value-object.js';
import { StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { AUDIENCE_REPOSITORY, CHANNEL_PLAN_REPOSITORY, GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { AudienceRepository } from '../../ports/audience-repository.port.js';
import type { ChannelPlanRepository } from '../../ports/channel-plan-repository.port.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { GetChannelPlanQuery, type ChannelPlanView, type ScoredChannel } from './get-channel-plan.query.js';

@QueryHandler(GetChannelPlanQuery)
export class GetChannelPlanHandler implements IQueryHandler<GetChannelPlanQuery> {
  constructor(
    @Inject(CHANNEL_PLAN_REPOSITORY) private readonly plans: ChannelPlanRepository,
    @Inject(AUDIENCE_REPOSITORY) private readonly audiences: AudienceRepository,
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
  ) {}

  async execute(query: GetChannelPlanQuery): Promise<ChannelPlanView> {
    const plan = await this.plans.find(query.tenantId, query.workspaceId);
    if (plan === null) {
      throw new StrategyNotFoundError('This workspace has no channel plan yet; PUT /channel-plan saves one');
    }
    const audiences: FitAudience[] = (
      await this.audiences.listByWorkspace(query.tenantId, query.workspaceId)
    ).map((a) => {
      const s = a.snapshot();
      return { id: s.id, priority: s.priority, networks: s.networks };
    });
    const goals: FitGoal[] = (await this.goals.listByWorkspace(query.tenantId, query.workspaceId))
      .map((g) => g.snapshot())
      .filter((g) => g.status === 'active')
      .map((g) => ({ id: g.id, audienceIds: g.scope.audienceIds }));

    const cadences = new Map<string, { cadence: PlannedChannel; planned: boolean }>(
      plan.channels.map((c) => [c.network, { cadence: c, planned: true }]),
    );
    for (const network of audiences.flatMap((a) => a.networks.map((n) => n.network))) {
      if (!cadences.has(network)) {
        cadences.set(network, { cadence: { ...CANDIDATE_CADENCE, network }, planned: false });
      }
    }
    const channels: ScoredChannel[] = [...cadences.values()].map(({ cadence, planned }) => {
      const hoursNeededPerWeek = weeklyHours(cadence);
      return {
        network: cadence.network,
        planned,
        cadence,
        hoursNeededPerWeek,
        fit: channelFit(cadence.network, audiences, goals, {
          hoursNeededPerWeek,
          teamHoursPerWeek: plan.teamHoursPerWeek,
        }),
      };
    });
    channels.sort((a, b) => b.fit.score - a.fit.score || a.network.localeCompare(b.network));
    const needed = plan.channels.reduce((s, c) => s + weeklyHours(c), 0);
    return {
      plan,
      channels,
      capacity: {
        hoursNeededPerWeek: needed,
        teamHoursPerWeek: plan.teamHoursPerWeek,
        overBy: Math.max(0, Math.round((needed - plan.teamHoursPerWeek) * 100) / 100),
      },
    };
  }
}
