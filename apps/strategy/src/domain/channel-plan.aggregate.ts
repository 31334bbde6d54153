import { InvalidStrategyInputError } from './strategy.errors.js';

export interface PlannedChannel {
  /** Connector network id, e.g. 'instagram'. */
  readonly network: string;
  readonly postsPerWeek: number;
  /** Writing, design and approval time per post. */
  readonly hoursPerPost: number;
  /** Replies and moderation per week. */
  readonly communityHoursPerWeek: number;
}

export interface ContentPillar {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** Target share of the content mix, in percent; all pillars add up to 100. */
  readonly share: number;
}

export interface ChannelPlanContent {
  readonly teamHoursPerWeek: number;
  readonly channels: readonly PlannedChannel[];
  readonly pillars: readonly ContentPillar[];
}

export interface ChannelPlanProps extends ChannelPlanContent {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly revision: number;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** Cadence a network gets when it is scored as a candidate but not planned yet: 3 posts of 1 h a week. */
export const CANDIDATE_CADENCE: PlannedChannel = {
  network: '',
  postsPerWeek: 3,
  hoursPerPost: 1,
  communityHoursPerWeek: 0,
};

export function weeklyHours(channel: PlannedChannel): number {
  return channel.postsPerWeek * channel.hoursPerPost + channel.communityHoursPerWeek;
}

/** Which networks the brand uses, how often, and the content pillars with their share of the mix. */
export class ChannelPlan {
  private constructor(private readonly props: ChannelPlanProps) {}

  static save(
    previous: ChannelPlanProps | null,
    input: ChannelPlanContent & { tenantId: string; workspaceId: string; updatedBy: string },
    now: Date,
  ): ChannelPlan {
    checkPlan(input);
    return new ChannelPlan({ ...input, revision: (previous?.revision ?? 0) + 1, updatedAt: now });
  }

  static restore(props: ChannelPlanProps): ChannelPlan {
    return new ChannelPlan(props);
  }

  snapshot(): ChannelPlanProps {
    return this.props;
  }
}

function checkPlan(plan: ChannelPlanContent): void {
  if (!(plan.teamHoursPerWeek > 0)) {
    throw new InvalidStrategyInputError('teamHoursPerWeek', 'must be more than 0');
  }
  const networks = new Set<string>();
  plan.channels.forEach((c, i) => {
    if (networks.has(c.network)) {
      throw new InvalidStrategyInputError(`channels.${i}.network`, `'${c.network}' is planned twice`);
    }
    networks.add(c.network);
    for (const field of ['postsPerWeek', 'hoursPerPost', 'communityHoursPerWeek'] as const) {
      if (c[field] < 0) {
        throw new InvalidStrategyInputError(`channels.${i}.${field}`, 'must not be negative');
      }
    }
  });
  const keys = new Set<string>();
  plan.pillars.forEach((p, i) => {
    if (keys.has(p.key)) {
      throw new InvalidStrategyInputError(`pillars.${i}.key`, `'${p.key}' is used by another pillar`);
    }
    keys.add(p.key);
    if (p.share < 0) {
      throw new InvalidStrategyInputError(`pillars.${i}.share`, 'must not be negative');
    }
  });
  const total = Math.round(plan.pillars.reduce((s, p) => s + p.share, 0) * 100) / 100;
  if (total !== 100) {
    throw new InvalidStrategyInputError('pillars', `shares add up to ${total} %; they must add up to 100 %`);
  }
}
