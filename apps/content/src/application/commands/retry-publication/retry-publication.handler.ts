import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PUBLICATION_REPOSITORY } from '../../../content.tokens.js';
import { ContentConflictError, ContentNotFoundError } from '../../../domain/content.errors.js';
import { AlreadyPublishedError } from '../../../domain/publishing/publishing.errors.js';
import type { PublicationRepository, PublicationView } from '../../ports/publication-repository.port.js';
import { RetryPublicationCommand, type TargetAddress } from './retry-publication.command.js';

@CommandHandler(RetryPublicationCommand)
export class RetryPublicationHandler implements ICommandHandler<RetryPublicationCommand, PublicationView> {
  constructor(@Inject(PUBLICATION_REPOSITORY) private readonly publications: PublicationRepository) {}

  async execute({ target }: RetryPublicationCommand): Promise<PublicationView> {
    const view = await findTarget(this.publications, target);
    if (view.state === 'published') {
      throw new AlreadyPublishedError(view.url ?? view.remoteId ?? 'its network');
    }
    if (view.state !== 'failed' && view.state !== 'needs-review') {
      throw new ContentConflictError(
        `This post is ${view.state} on this channel, not failed or needing review: there is nothing to retry`,
      );
    }
    const { tenantId, workspaceId, targetId } = target;
    if (!(await this.publications.retry(tenantId, workspaceId, targetId, view.state, new Date()))) {
      throw new ContentConflictError('The post changed state meanwhile; reload it and try again');
    }
    return findTarget(this.publications, target);
  }
}

export async function findTarget(
  publications: PublicationRepository,
  target: TargetAddress,
): Promise<PublicationView> {
  const view = await publications.find(target.tenantId, target.workspaceId, target.targetId, new Date());
  if (view === null || view.postId !== target.postId) {
    throw new ContentNotFoundError(
      `Post ${target.postId} has no target ${target.targetId} that was scheduled in this workspace`,
    );
  }
  return view;
}
