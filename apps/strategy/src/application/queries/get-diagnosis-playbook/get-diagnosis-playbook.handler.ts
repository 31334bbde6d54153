import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlaybookEntry } from '../../../domain/diagnosis-playbook.aggregate.js';
import { DIAGNOSIS_PLAYBOOK_REPOSITORY } from '../../../strategy.tokens.js';
import type { DiagnosisPlaybookRepository } from '../../ports/diagnosis-repository.port.js';
import { GetDiagnosisPlaybookQuery } from './get-diagnosis-playbook.query.js';

@QueryHandler(GetDiagnosisPlaybookQuery)
export class GetDiagnosisPlaybookHandler implements IQueryHandler<GetDiagnosisPlaybookQuery> {
  constructor(
    @Inject(DIAGNOSIS_PLAYBOOK_REPOSITORY) private readonly playbook: DiagnosisPlaybookRepository,
  ) {}

  execute(query: GetDiagnosisPlaybookQuery): Promise<PlaybookEntry[]> {
    return this.playbook.playbook(query.tenantId);
  }
}
