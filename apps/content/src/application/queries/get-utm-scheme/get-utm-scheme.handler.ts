import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UtmScheme } from '../../../domain/utm-scheme.value-object.js';
import { UTM_SCHEME_REPOSITORY } from '../../../content.tokens.js';
import type { UtmSchemeRepository } from '../../ports/utm-scheme-repository.port.js';
import { GetUtmSchemeQuery } from './get-utm-scheme.query.js';

@QueryHandler(GetUtmSchemeQuery)
export class GetUtmSchemeHandler implements IQueryHandler<GetUtmSchemeQuery> {
  constructor(@Inject(UTM_SCHEME_REPOSITORY) private readonly schemes: UtmSchemeRepository) {}

  execute(query: GetUtmSchemeQuery): Promise<UtmScheme> {
    return this.schemes.find(query.tenantId, query.workspaceId);
  }
}
