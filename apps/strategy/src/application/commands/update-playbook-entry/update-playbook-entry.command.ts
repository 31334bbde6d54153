import { Command } from '@nestjs/cqrs';
import type { BrandProblem } from '../../../domain/brand-problem.value-object.js';
import type { Recommendations } from '../../../domain/diagnosis-playbook.aggregate.js';
import type { FieldThreshold } from '../../../domain/severity.value-object.js';

/** Replaces the agency's thresholds and recommendations for one problem (every workspace of the agency). */
export class UpdatePlaybookEntryCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly problem: BrandProblem,
    readonly thresholds: Record<string, FieldThreshold>,
    readonly recommendations: Recommendations,
    readonly updatedBy: string,
  ) {
    super();
  }
}
