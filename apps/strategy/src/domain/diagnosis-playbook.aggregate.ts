import { PROBLEM_DEFINITIONS, type BrandProblem } from './brand-problem.value-object.js';
import { findMetric } from './metric-catalog.value-object.js';
import type { FieldThreshold } from './severity.value-object.js';
import { InvalidStrategyInputError } from './strategy.errors.js';

export interface RecommendedGoal {
  readonly title: string;
  /** Metric key from the vocabulary; its direction says which way the goal moves. */
  readonly metric: string;
  /** KPIs to watch besides the goal's own metric. */
  readonly kpis: readonly string[];
}

export interface Recommendations {
  readonly goals: readonly RecommendedGoal[];
  readonly channels: readonly string[];
  readonly contentPillars: readonly string[];
  readonly actions: readonly string[];
}

/** The agency's rules for one problem: when evidence is bad, and what to recommend then. */
export interface PlaybookEntry {
  readonly problem: BrandProblem;
  readonly thresholds: Readonly<Record<string, FieldThreshold>>;
  readonly recommendations: Recommendations;
  /** 'seed': Chorus's default, never edited by this agency; 'agency': the agency's own copy. */
  readonly source: 'seed' | 'agency';
  readonly updatedAt: Date | null;
}

/** Checks an agency's edit of one playbook entry; throws naming the field to fix. */
export function checkPlaybookEntry(
  problem: BrandProblem,
  thresholds: Readonly<Record<string, FieldThreshold>>,
  recommendations: Recommendations,
): void {
  const definition = PROBLEM_DEFINITIONS[problem];
  for (const key of Object.keys(thresholds)) {
    if (!definition.evidence.some((f) => f.key === key)) {
      const known = definition.evidence.map((f) => f.key).join(', ');
      throw new InvalidStrategyInputError(
        `thresholds.${key}`,
        `is not evidence of ${problem}; use one of ${known}`,
      );
    }
  }
  for (const field of definition.evidence) {
    const threshold = thresholds[field.key];
    if (threshold === undefined) {
      throw new InvalidStrategyInputError(
        `thresholds.${field.key}`,
        'is missing; every evidence field needs one',
      );
    }
    if (field.kind === 'boolean') {
      if (!('whenBad' in threshold)) {
        throw new InvalidStrategyInputError(
          `thresholds.${field.key}`,
          "is a yes/no field: give { whenBad: 'warning' | 'critical' }",
        );
      }
      continue;
    }
    if (!('warning' in threshold)) {
      throw new InvalidStrategyInputError(
        `thresholds.${field.key}`,
        'is a number field: give { warning, critical }',
      );
    }
    const ordered =
      field.worseWhen === 'lower'
        ? threshold.critical < threshold.warning
        : threshold.critical > threshold.warning;
    if (!ordered) {
      throw new InvalidStrategyInputError(
        `thresholds.${field.key}.critical`,
        `must be ${field.worseWhen === 'lower' ? 'below' : 'above'} the warning threshold (${threshold.warning}): ` +
          `${field.worseWhen} is worse for ${field.key}`,
      );
    }
  }
  if (recommendations.goals.length < 2) {
    throw new InvalidStrategyInputError('recommendations.goals', 'needs at least two recommended goals');
  }
  recommendations.goals.forEach((goal, i) => {
    for (const [at, metric] of [['metric', goal.metric], ...goal.kpis.map((k, j) => [`kpis.${j}`, k])] as [
      string,
      string,
    ][]) {
      if (findMetric(metric) === undefined) {
        throw new InvalidStrategyInputError(
          `recommendations.goals.${i}.${at}`,
          `unknown metric '${metric}'; GET /metrics lists them`,
        );
      }
    }
  });
}
