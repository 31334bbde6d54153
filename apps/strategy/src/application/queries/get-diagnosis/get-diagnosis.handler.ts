import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BRAND_PROBLEMS, PROBLEM_DEFINITIONS } from '../../../domain/brand-problem.value-object.js';
import { computeSeverity } from '../../../domain/severity.value-object.js';
import { DIAGNOSIS_PLAYBOOK_REPOSITORY, DIAGNOSIS_REPOSITORY } from '../../../strategy.tokens.js';
import type {
  DiagnosisPlaybookRepository,
  DiagnosisRepository,
} from '../../ports/diagnosis-repository.port.js';
import { GetDiagnosisQuery, type ProblemDiagnosis } from './get-diagnosis.query.js';

const SHOWS = new Set(['low', 'medium', 'high']);

@QueryHandler(GetDiagnosisQuery)
export class GetDiagnosisHandler implements IQueryHandler<GetDiagnosisQuery> {
  constructor(
    @Inject(DIAGNOSIS_REPOSITORY) private readonly diagnosis: DiagnosisRepository,
    @Inject(DIAGNOSIS_PLAYBOOK_REPOSITORY) private readonly playbook: DiagnosisPlaybookRepository,
  ) {}

  async execute(query: GetDiagnosisQuery): Promise<ProblemDiagnosis[]> {
    const evidence = await this.diagnosis.listEvidence(query.tenantId, query.workspaceId);
    const playbook = await this.playbook.playbook(query.tenantId);
    return BRAND_PROBLEMS.map((problem) => {
      const definition = PROBLEM_DEFINITIONS[problem];
      const entry = playbook.find((e) => e.problem === problem);
      const entered = evidence.find((e) => e.snapshot().problem === problem)?.snapshot();
      const values = Object.fromEntries(
        definition.evidence.map((f) => [f.key, entered?.evidence[f.key] ?? null]),
      );
      const severity = computeSeverity(definition.evidence, values, entry?.thresholds ?? {});
      return {
        problem,
        label: definition.label,
        fields: definition.evidence,
        evidence: values,
        notes: entered?.notes ?? '',
        updatedAt: entered?.updatedAt ?? null,
        severity,
        recommendations: SHOWS.has(severity.level) ? (entry?.recommendations ?? null) : null,
        playbookSource: entry?.source ?? 'seed',
      };
    });
  }
}
