import type { BrandProblem } from '../../domain/brand-problem.value-object.js';
import type { ProblemEvidence } from '../../domain/diagnosis.aggregate.js';
import type { PlaybookEntry, Recommendations } from '../../domain/diagnosis-playbook.aggregate.js';
import type { FieldThreshold } from '../../domain/severity.value-object.js';

export interface DiagnosisRepository {
  saveEvidence(evidence: ProblemEvidence): Promise<void>;
  listEvidence(tenantId: string, workspaceId: string): Promise<ProblemEvidence[]>;
}

/** The agency's playbook: its own entries where it edited one, the seed everywhere else. */
export interface DiagnosisPlaybookRepository {
  playbook(tenantId: string): Promise<PlaybookEntry[]>;
  saveEntry(
    tenantId: string,
    problem: BrandProblem,
    entry: {
      thresholds: Record<string, FieldThreshold>;
      recommendations: Recommendations;
      updatedBy: string;
    },
  ): Promise<void>;
}
