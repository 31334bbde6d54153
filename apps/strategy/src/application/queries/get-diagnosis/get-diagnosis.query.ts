import { Query } from '@nestjs/cqrs';
import type { BrandProblem, EvidenceField } from '../../../domain/brand-problem.value-object.js';
import type { Recommendations } from '../../../domain/diagnosis-playbook.aggregate.js';
import type { EvidenceValue, Severity } from '../../../domain/severity.value-object.js';

export interface ProblemDiagnosis {
  readonly problem: BrandProblem;
  readonly label: string;
  readonly fields: readonly EvidenceField[];
  readonly evidence: Readonly<Record<string, EvidenceValue | null>>;
  readonly notes: string;
  readonly updatedAt: Date | null;
  readonly severity: Severity;
  /** The playbook's recommendations when the problem shows (severity low, medium or high); null otherwise. */
  readonly recommendations: Recommendations | null;
  readonly playbookSource: 'seed' | 'agency';
}

/** Every problem of the workspace, with its severity and what the agency's playbook recommends. */
export class GetDiagnosisQuery extends Query<ProblemDiagnosis[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
