import { Query } from '@nestjs/cqrs';
import type { UtmScheme } from '../../../domain/utm-scheme.value-object.js';

export class GetUtmSchemeQuery extends Query<UtmScheme> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
