import type { NetworkPresence } from './audience.aggregate.js';

/** What the fit formula needs to know about one audience. */
export interface FitAudience {
  readonly id: string;
  /** 1 to 5. */
  readonly priority: number;
  readonly networks: readonly { network: string; presence: NetworkPresence }[];
}

/** What it needs to know about one active goal: the audiences it aims at ([] = all). */
export interface FitGoal {
  readonly id: string;
  readonly audienceIds: readonly string[];
}

export interface FitFactor {
  readonly name: 'audience-presence' | 'goal-alignment' | 'team-capacity';
  /** 0 to 1. */
  readonly value: number;
  readonly weight: number;
  /** value x weight x 100: this factor's points in the score. */
  readonly points: number;
  readonly explanation: string;
}

export interface ChannelFit {
  readonly network: string;
  /** 0 to 100. */
  readonly score: number;
  readonly factors: readonly FitFactor[];
}

export const FIT_WEIGHTS = { audiencePresence: 0.5, goalAlignment: 0.3, teamCapacity: 0.2 } as const;
const PRESENCE: Record<NetworkPresence, number> = { primary: 1, secondary: 0.5 };

/**
 * Fit of one network (docs/adr/0011-diagnosis-and-channel-fit.md):
 *
 *   score = round(100 x (0.5 A + 0.3 G + 0.2 C))
 *   A, audience presence = sum over audiences of priority x presence(network) / sum of priorities,
 *                          presence: primary 1, secondary 0.5, absent 0
 *   G, goal alignment    = mean over active goals of A computed on the goal's own audiences (all when none)
 *   C, team capacity     = clamp(1 - weekly hours the network needs / team hours per week, 0, 1)
 */
export function channelFit(
  network: string,
  audiences: readonly FitAudience[],
  goals: readonly FitGoal[],
  capacity: { readonly hoursNeededPerWeek: number; readonly teamHoursPerWeek: number },
): ChannelFit {
  const presence = presenceOn(network, audiences);
  const goalValues = goals.map((g) =>
    presenceOn(
      network,
      g.audienceIds.length === 0 ? audiences : audiences.filter((a) => g.audienceIds.includes(a.id)),
    ),
  );
  const alignment = goalValues.length === 0 ? 0 : goalValues.reduce((s, v) => s + v, 0) / goalValues.length;
  const load = capacity.teamHoursPerWeek > 0 ? capacity.hoursNeededPerWeek / capacity.teamHoursPerWeek : 1;
  const teamCapacity = clamp01(1 - load);

  const factors: FitFactor[] = [
    factor(
      'audience-presence',
      presence,
      FIT_WEIGHTS.audiencePresence,
      audiences.length === 0
        ? 'no audiences yet'
        : `${pct(presence)} of the audiences, weighted by priority, are on ${network}`,
    ),
    factor(
      'goal-alignment',
      alignment,
      FIT_WEIGHTS.goalAlignment,
      goals.length === 0
        ? 'no active goals yet'
        : `the audiences of ${goals.length} active goal(s) are ${pct(alignment)} present on ${network}`,
    ),
    factor(
      'team-capacity',
      teamCapacity,
      FIT_WEIGHTS.teamCapacity,
      `${round2(capacity.hoursNeededPerWeek)} h/week needed of ${round2(capacity.teamHoursPerWeek)} h/week available`,
    ),
  ];
  const score = Math.round(factors.reduce((sum, f) => sum + f.value * f.weight * 100, 0));
  return { network, score, factors };
}

function presenceOn(network: string, audiences: readonly FitAudience[]): number {
  const total = audiences.reduce((s, a) => s + a.priority, 0);
  if (total === 0) {
    return 0;
  }
  const present = audiences.reduce((s, a) => {
    const entry = a.networks.find((n) => n.network === network);
    return s + (entry === undefined ? 0 : a.priority * PRESENCE[entry.presence]);
  }, 0);
  return present / total;
}

function factor(name: FitFactor['name'], value: number, weight: number, explanation: string): FitFactor {
  const rounded = Math.round(value * 1000) / 1000;
  return { name, value: rounded, weight, points: Math.round(value * weight * 1000) / 10, explanation };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const pct = (v: number) => `${Math.round(v * 100)} %`;
const round2 = (v: number) => Math.round(v * 100) / 100;
