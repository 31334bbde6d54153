import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { POST_REPOSITORY, PUBLICATION_REPOSITORY } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { PublicationRepository, PublicationView } from '../../ports/publication-repository.port.js';
import { GetPublicationQuery } from './get-publication.query.js';

@QueryHandler(GetPublicationQuery)
export class GetPublicationHandler implements IQueryHandler<GetPublicationQuery, PublicationView[]> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(PUBLICATION_REPOSITORY) private readonly publications: PublicationRepository,
  ) {}

  async execute(query: GetPublicationQuery): Promise<PublicationView[]> {
    const post = await this.posts.find(query.tenantId, query.workspaceId, query.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${query.postId} in this workspace`);
    }
    return this.publications.listForPost(query.tenantId, query.workspaceId, query.postId, new Date());
  }
}
