import { Query } from '@nestjs/cqrs';
import type { StoredApiToken } from '../../ports/api-token-repository.port.js';

export type ApiTokenView = Pick<StoredApiToken, 'id' | 'name' | 'scopes' | 'createdAt' | 'expiresAt'>;

/** The member's active named tokens; never the secrets (they were shown once). */
export class ListApiTokensQuery extends Query<ApiTokenView[]> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
  ) {
    super();
  }
}
