import { Query } from '@nestjs/cqrs';
import type { PlaybookEntry } from '../../../domain/diagnosis-playbook.aggregate.js';

export class GetDiagnosisPlaybookQuery extends Query<PlaybookEntry[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}
