import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { DiagnosisPlaybookRepository } from '../../application/ports/diagnosis-repository.port.js';
import { BRAND_PROBLEMS, type BrandProblem } from '../../domain/brand-problem.value-object.js';
import type { PlaybookEntry, Recommendations } from '../../domain/diagnosis-playbook.aggregate.js';
import type { FieldThreshold } from '../../domain/severity.value-object.js';
import { DEFAULT_DIAGNOSIS_PLAYBOOK } from '../../seed/default-diagnosis-playbook.js';
import { DiagnosisPlaybookEntryOrmEntity } from './diagnosis-playbook-entry.orm-entity.js';

/** The agency's rows where it has them, the seed for every other problem. */
@Injectable()
export class DiagnosisPlaybookTypeormRepository implements DiagnosisPlaybookRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async playbook(tenantId: string): Promise<PlaybookEntry[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findBy(DiagnosisPlaybookEntryOrmEntity, { tenantId }),
    );
    return BRAND_PROBLEMS.map((problem): PlaybookEntry => {
      const own = rows.find((r) => r.problem === problem);
      if (own !== undefined) {
        return {
          problem,
          thresholds: own.thresholds,
          recommendations: own.recommendations,
          source: 'agency',
          updatedAt: new Date(own.updatedAt),
        };
      }
      const seed = DEFAULT_DIAGNOSIS_PLAYBOOK[problem];
      return { problem, ...seed, source: 'seed', updatedAt: null };
    });
  }

  async saveEntry(
    tenantId: string,
    problem: BrandProblem,
    entry: {
      thresholds: Record<string, FieldThreshold>;
      recommendations: Recommendations;
      updatedBy: string;
    },
  ): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.manager.save(DiagnosisPlaybookEntryOrmEntity, {
        tenantId,
        problem,
        ...entry,
        updatedAt: new Date(),
      }),
    );
  }
}
