import { describe, expect, it } from 'vitest';
import { PROBLEM_DEFINITIONS } from './brand-problem.value-object.js';
import { computeSeverity, type FieldThreshold } from './severity.value-object.js';

const traffic = PROBLEM_DEFINITIONS['traffic-and-organic-search'].evidence;
const thresholds: Record<string, FieldThreshold> = {
  monthlySessions: { warning: 5000, critical: 1000 },
  organicSearchShare: { warning: 30, critical: 15 },
  keywordsInTop10: { warning: 20, critical: 5 },
  socialReferralShare: { warning: 5, critical: 2 },
};

describe('computeSeverity', () => {
  it('is unknown without evidence', () => {
    expect(computeSeverity(traffic, {}, thresholds)).toEqual({ level: 'unknown', score: null, findings: [] });
  });

  it('is none when every entered field is better than its warning threshold', () => {
    const s = computeSeverity(traffic, { monthlySessions: 20000, organicSearchShare: 45 }, thresholds);
    expect(s.level).toBe('none');
    expect(s.score).toBe(0);
  });

  it('scores warnings 1 and criticals 2 over twice the fields entered (lower is worse)', () => {
    // 4 fields: warning (1) + critical (2) + ok (0) + at the warning threshold (1) = 4 of 8
    const s = computeSeverity(
      traffic,
      { monthlySessions: 3000, organicSearchShare: 10, keywordsInTop10: 50, socialReferralShare: 5 },
      thresholds,
    );
    expect(s.findings.map((f) => f.level)).toEqual(['warning', 'critical', 'ok', 'warning']);
    expect(s.score).toBe(0.5);
    expect(s.level).toBe('medium');
  });

  it('judges higher-is-worse fields the other way round', () => {
    const reputation = PROBLEM_DEFINITIONS['online-reputation'].evidence;
    const s = computeSeverity(
      reputation,
      { averageReviewRating: 3.2, negativeMentionShare: 30, medianResponseHours: 80 },
      {
        averageReviewRating: { warning: 4, critical: 3.5 },
        negativeMentionShare: { warning: 10, critical: 25 },
        medianResponseHours: { warning: 24, critical: 72 },
      },
    );
    expect(s.findings.every((f) => f.level === 'critical')).toBe(true);
    expect(s.level).toBe('high');
  });

  it('uses the threshold of a yes/no field when the answer is the bad one', () => {
    const infra = PROBLEM_DEFINITIONS['infrastructure-readiness'].evidence;
    const t: Record<string, FieldThreshold> = {
      mobileFriendlyWebsite: { whenBad: 'critical' },
      analyticsInstalled: { whenBad: 'warning' },
      pageLoadSeconds: { warning: 3, critical: 6 },
      crmInPlace: { whenBad: 'warning' },
    };
    const s = computeSeverity(
      infra,
      { mobileFriendlyWebsite: false, analyticsInstalled: true, crmInPlace: false },
      t,
    );
    expect(s.findings.map((f) => [f.field, f.level])).toEqual([
      ['mobileFriendlyWebsite', 'critical'],
      ['analyticsInstalled', 'ok'],
      ['crmInPlace', 'warning'],
    ]);
    expect(s.score).toBe(0.5);
  });

  it('follows the thresholds it is given: an agency that is stricter sees a worse severity', () => {
    const evidence = { monthlySessions: 8000 };
    expect(computeSeverity(traffic, evidence, thresholds).level).toBe('none');
    const strict = { ...thresholds, monthlySessions: { warning: 10000, critical: 9000 } };
    expect(computeSeverity(traffic, evidence, strict).level).toBe('high');
  });
});
