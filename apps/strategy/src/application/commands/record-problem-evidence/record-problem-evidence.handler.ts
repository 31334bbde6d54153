import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemEvidence } from '../../../domain/diagnosis.aggregate.js';
import { DIAGNOSIS_REPOSITORY } from '../../../strategy.tokens.js';
import type { DiagnosisRepository } from '../../ports/diagnosis-repository.port.js';
import { RecordProblemEvidenceCommand } from './record-problem-evidence.command.js';

@CommandHandler(RecordProblemEvidenceCommand)
export class RecordProblemEvidenceHandler implements ICommandHandler<RecordProblemEvidenceCommand> {
  constructor(@Inject(DIAGNOSIS_REPOSITORY) private readonly diagnosis: DiagnosisRepository) {}

  async execute(command: RecordProblemEvidenceCommand): Promise<void> {
    const evidence = ProblemEvidence.record({
      tenantId: command.tenantId,
      workspaceId: command.workspaceId,
      problem: command.problem,
      evidence: command.evidence,
      notes: command.notes,
      updatedAt: new Date(),
      updatedBy: command.recordedBy,
    });
    await this.diagnosis.saveEvidence(evidence);
  }
}
