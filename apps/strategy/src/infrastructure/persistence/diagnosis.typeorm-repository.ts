import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { DiagnosisRepository } from '../../application/ports/diagnosis-repository.port.js';
import type { BrandProblem } from '../../domain/brand-problem.value-object.js';
import { ProblemEvidence } from '../../domain/diagnosis.aggregate.js';
import { DiagnosisEvidenceOrmEntity } from './diagnosis-evidence.orm-entity.js';

@Injectable()
export class DiagnosisTypeormRepository implements DiagnosisRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async saveEvidence(evidence: ProblemEvidence): Promise<void> {
    const p = evidence.snapshot();
    const row: DiagnosisEvidenceOrmEntity = { ...p, evidence: { ...p.evidence } };
    await this.transactions.run(p.tenantId, (tx) => tx.manager.save(DiagnosisEvidenceOrmEntity, row));
  }

  async listEvidence(tenantId: string, workspaceId: string): Promise<ProblemEvidence[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findBy(DiagnosisEvidenceOrmEntity, { workspaceId }),
    );
    return rows.map((row) =>
      ProblemEvidence.restore({
        ...row,
        problem: row.problem as BrandProblem,
        updatedAt: new Date(row.updatedAt),
      }),
    );
  }
}
