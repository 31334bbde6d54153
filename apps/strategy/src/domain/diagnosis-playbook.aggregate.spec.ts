import { describe, expect, it } from 'vitest';
import { DEFAULT_DIAGNOSIS_PLAYBOOK } from '../seed/default-diagnosis-playbook.js';
import { BRAND_PROBLEMS, PROBLEM_DEFINITIONS } from './brand-problem.value-object.js';
import { checkPlaybookEntry } from './diagnosis-playbook.aggregate.js';
import { ProblemEvidence } from './diagnosis.aggregate.js';
import { InvalidStrategyInputError } from './strategy.errors.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidStrategyInputError) {
      return error.field;
    }
    throw error;
  }
  return undefined;
}

describe('the seeded playbook', () => {
  it.each(BRAND_PROBLEMS)('%s has three typed evidence fields or more and a valid seed entry', (problem) => {
    expect(PROBLEM_DEFINITIONS[problem].evidence.length).toBeGreaterThanOrEqual(3);
    const seed = DEFAULT_DIAGNOSIS_PLAYBOOK[problem];
    expect(() => checkPlaybookEntry(problem, seed.thresholds, seed.recommendations)).not.toThrow();
    expect(seed.recommendations.goals.length).toBeGreaterThanOrEqual(2);
    expect(seed.recommendations.channels.length).toBeGreaterThan(0);
    expect(seed.recommendations.contentPillars.length).toBeGreaterThan(0);
  });
});

describe('checkPlaybookEntry', () => {
  const seed = DEFAULT_DIAGNOSIS_PLAYBOOK['brand-awareness'];

  it('needs at least two recommended goals', () => {
    const one = { ...seed.recommendations, goals: seed.recommendations.goals.slice(0, 1) };
    expect(fieldOf(() => checkPlaybookEntry('brand-awareness', seed.thresholds, one))).toBe(
      'recommendations.goals',
    );
  });

  it('refuses a metric outside the vocabulary', () => {
    const goals = [...seed.recommendations.goals, { title: 'x', metric: 'vibes', kpis: [] }];
    expect(
      fieldOf(() =>
        checkPlaybookEntry('brand-awareness', seed.thresholds, { ...seed.recommendations, goals }),
      ),
    ).toBe('recommendations.goals.2.metric');
  });

  it('refuses thresholds in the wrong order, missing or unknown', () => {
    const wrongWay = { ...seed.thresholds, followers: { warning: 1000, critical: 5000 } };
    expect(fieldOf(() => checkPlaybookEntry('brand-awareness', wrongWay, seed.recommendations))).toBe(
      'thresholds.followers.critical',
    );
    const { followers: _dropped, ...missing } = seed.thresholds;
    expect(fieldOf(() => checkPlaybookEntry('brand-awareness', missing, seed.recommendations))).toBe(
      'thresholds.followers',
    );
    const unknown = { ...seed.thresholds, mood: { warning: 1, critical: 0 } };
    expect(fieldOf(() => checkPlaybookEntry('brand-awareness', unknown, seed.recommendations))).toBe(
      'thresholds.mood',
    );
  });
});

describe('ProblemEvidence', () => {
  const record = (evidence: Record<string, number | boolean | null>) => () =>
    ProblemEvidence.record({
      tenantId: 't',
      workspaceId: 'w',
      problem: 'online-reputation',
      evidence,
      notes: '',
      updatedAt: new Date(),
      updatedBy: 'u',
    });

  it('checks each value against its typed field', () => {
    expect(
      record({ averageReviewRating: 4.2, negativeMentionShare: 12, medianResponseHours: null }),
    ).not.toThrow();
    expect(fieldOf(record({ averageReviewRating: 7 }))).toBe('evidence.averageReviewRating');
    expect(fieldOf(record({ negativeMentionShare: true }))).toBe('evidence.negativeMentionShare');
    expect(fieldOf(record({ followers: 10 }))).toBe('evidence.followers');
  });
});
