import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { API_TOKEN_REPOSITORY } from '../../../gateway.tokens.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import { ListApiTokensQuery, type ApiTokenView } from './list-api-tokens.query.js';

@QueryHandler(ListApiTokensQuery)
export class ListApiTokensHandler implements IQueryHandler<ListApiTokensQuery> {
  constructor(@Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository) {}

  async execute(query: ListApiTokensQuery): Promise<ApiTokenView[]> {
    const tokens = await this.tokens.listNamed(query.tenantId, query.memberId, new Date());
    return tokens.map(({ id, name, scopes, createdAt, expiresAt }) => ({
      id,
      name,
      scopes,
      createdAt,
      expiresAt,
    }));
  }
}
