import type { EvidenceField } from './brand-problem.value-object.js';

/** Per numeric field: where it turns into a warning, and where it becomes critical. */
export type FieldThreshold =
  { readonly warning: number; readonly critical: number } | { readonly whenBad: 'warning' | 'critical' };

export type EvidenceValue = number | boolean;
export type FindingLevel = 'ok' | 'warning' | 'critical';
export type SeverityLevel = 'unknown' | 'none' | 'low' | 'medium' | 'high';

export interface Finding {
  readonly field: string;
  readonly value: EvidenceValue;
  readonly level: FindingLevel;
  /** Why, for people: "12 % is below the warning threshold 30 %". */
  readonly reason: string;
}

export interface Severity {
  readonly level: SeverityLevel;
  /** 0 (all fine) to 1 (every entered field critical); null when no evidence is entered. */
  readonly score: number | null;
  readonly findings: readonly Finding[];
}

const POINTS: Record<FindingLevel, number> = { ok: 0, warning: 1, critical: 2 };

/**
 * Severity of one problem: each entered evidence field is ok (0 points), warning (1) or critical (2) against
 * the agency's thresholds; score = points / (2 x fields entered). Level: no evidence -> unknown, 0 -> none,
 * up to 1/3 -> low, up to 2/3 -> medium, above -> high. Fields left empty do not count either way.
 */
export function computeSeverity(
  fields: readonly EvidenceField[],
  evidence: Readonly<Record<string, EvidenceValue | null>>,
  thresholds: Readonly<Record<string, FieldThreshold>>,
): Severity {
  const findings: Finding[] = [];
  for (const field of fields) {
    const value = evidence[field.key];
    const threshold = thresholds[field.key];
    if (value === undefined || value === null || threshold === undefined) {
      continue;
    }
    findings.push(judge(field, value, threshold));
  }
  if (findings.length === 0) {
    return { level: 'unknown', score: null, findings };
  }
  const points = findings.reduce((sum, f) => sum + POINTS[f.level], 0);
  const score = Math.round((points / (2 * findings.length)) * 1000) / 1000;
  return { level: levelOf(score), score, findings };
}

function levelOf(score: number): SeverityLevel {
  if (score === 0) {
    return 'none';
  }
  if (score <= 1 / 3) {
    return 'low';
  }
  return score <= 2 / 3 ? 'medium' : 'high';
}

function judge(field: EvidenceField, value: EvidenceValue, threshold: FieldThreshold): Finding {
  if (field.kind === 'boolean') {
    const bad = String(value) === field.worseWhen;
    const level = bad && 'whenBad' in threshold ? threshold.whenBad : 'ok';
    return { field: field.key, value, level, reason: bad ? `${field.label}: no` : `${field.label}: yes` };
  }
  if (typeof value !== 'number' || !('warning' in threshold)) {
    return { field: field.key, value, level: 'ok', reason: 'not comparable' };
  }
  const worse = (a: number, b: number) => (field.worseWhen === 'lower' ? a < b : a > b);
  const side = field.worseWhen === 'lower' ? 'below' : 'above';
  if (worse(value, threshold.critical) || value === threshold.critical) {
    return {
      field: field.key,
      value,
      level: 'critical',
      reason: `${value} is ${side} or at the critical threshold ${threshold.critical}`,
    };
  }
  if (worse(value, threshold.warning) || value === threshold.warning) {
    return {
      field: field.key,
      value,
      level: 'warning',
      reason: `${value} is ${side} or at the warning threshold ${threshold.warning}`,
    };
  }
  return {
    field: field.key,
    value,
    level: 'ok',
    reason: `${value} is better than the warning threshold ${threshold.warning}`,
  };
}
