import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PUBLICATION_REPOSITORY } from '../../../content.tokens.js';
import { ContentConflictError } from '../../../domain/content.errors.js';
import { AlreadyPublishedError } from '../../../domain/publishing/publishing.errors.js';
import type { PublicationRepository, PublicationView } from '../../ports/publication-repository.port.js';
import { RetryPublicationCommand } from '../retry-publication/retry-publication.command.js';
import { findTarget } from '../retry-publication/retry-publication.handler.js';
import { ResolvePublicationReviewCommand } from './resolve-publication-review.command.js';

@CommandHandler(ResolvePublicationReviewCommand)
export class ResolvePublicationReviewHandler implements ICommandHandler<
  ResolvePublicationReviewCommand,
  PublicationView
> {
  constructor(
    @Inject(PUBLICATION_REPOSITORY) private readonly publications: PublicationRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ target, outcome }: ResolvePublicationReviewCommand): Promise<PublicationView> {
    const view = await findTarget(this.publications, target);
    if (view.state === 'published') {
      throw new AlreadyPublishedError(view.url ?? view.remoteId ?? 'its network');
    }
    if (view.state !== 'needs-review') {
      throw new ContentConflictError(
        `This post is ${view.state} on this channel: there is nothing to review`,
      );
    }
    if (!outcome.published) {
      return this.commands.execute(new RetryPublicationCommand(target));
    }
    const resolved = await this.publications.resolvePublished(
      target.tenantId,
      target.workspaceId,
      target.targetId,
      { remoteId: outcome.url, url: outcome.url, publishedAt: new Date() },
      new Date(),
    );
    if (!resolved) {
      throw new ContentConflictError('The post changed state meanwhile; reload it and try again');
    }
    return findTarget(this.publications, target);
  }
}
