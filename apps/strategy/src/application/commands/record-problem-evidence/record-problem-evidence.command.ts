import { Command } from '@nestjs/cqrs';
import type { BrandProblem } from '../../../domain/brand-problem.value-object.js';
import type { EvidenceValue } from '../../../domain/severity.value-object.js';

export class RecordProblemEvidenceCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly problem: BrandProblem,
    readonly evidence: Record<string, EvidenceValue | null>,
    readonly notes: string,
    readonly recordedBy: string,
  ) {
    super();
  }
}
