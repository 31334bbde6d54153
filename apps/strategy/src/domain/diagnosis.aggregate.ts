import { PROBLEM_DEFINITIONS, type BrandProblem } from './brand-problem.value-object.js';
import type { EvidenceValue } from './severity.value-object.js';
import { InvalidStrategyInputError } from './strategy.errors.js';

export interface ProblemEvidenceProps {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly problem: BrandProblem;
  /** By evidence key; null: not known. */
  readonly evidence: Readonly<Record<string, EvidenceValue | null>>;
  readonly notes: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** The evidence a workspace entered for one problem, checked against the problem's typed fields. */
export class ProblemEvidence {
  private constructor(private readonly props: ProblemEvidenceProps) {}

  static record(input: ProblemEvidenceProps): ProblemEvidence {
    const fields = PROBLEM_DEFINITIONS[input.problem].evidence;
    for (const [key, value] of Object.entries(input.evidence)) {
      const field = fields.find((f) => f.key === key);
      const at = `evidence.${key}`;
      if (field === undefined) {
        throw new InvalidStrategyInputError(
          at,
          `is not evidence of ${input.problem}; use ${fields.map((f) => f.key).join(', ')}`,
        );
      }
      if (value === null) {
        continue;
      }
      if (field.kind === 'boolean') {
        if (typeof value !== 'boolean') {
          throw new InvalidStrategyInputError(at, 'must be true or false');
        }
        continue;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new InvalidStrategyInputError(at, `must be a number (${field.unit})`);
      }
      if (field.kind === 'count' && !Number.isInteger(value)) {
        throw new InvalidStrategyInputError(at, 'must be a whole number');
      }
      if (field.min !== null && value < field.min) {
        throw new InvalidStrategyInputError(at, `must be at least ${field.min} (${field.unit})`);
      }
      if (field.max !== null && value > field.max) {
        throw new InvalidStrategyInputError(at, `must be at most ${field.max} (${field.unit})`);
      }
    }
    return new ProblemEvidence(input);
  }

  static restore(props: ProblemEvidenceProps): ProblemEvidence {
    return new ProblemEvidence(props);
  }

  snapshot(): ProblemEvidenceProps {
    return this.props;
  }
}
