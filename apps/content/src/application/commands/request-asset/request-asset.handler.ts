import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { POST_REPOSITORY, TEAM_REPOSITORY } from '../../../content.tokens.js';
import {
  AssetRequest,
  type AssetRequestProps,
} from '../../../domain/collaboration/asset-request.aggregate.js';
import { ContentNotFoundError, InvalidContentInputError } from '../../../domain/content.errors.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { TeamRepository } from '../../ports/team-repository.port.js';
import { RequestAssetCommand } from './request-asset.command.js';

@CommandHandler(RequestAssetCommand)
export class RequestAssetHandler implements ICommandHandler<RequestAssetCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(TEAM_REPOSITORY) private readonly team: TeamRepository,
  ) {}

  async execute({ data }: RequestAssetCommand): Promise<AssetRequestProps> {
    if ((await this.posts.find(data.tenantId, data.workspaceId, data.postId)) === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    const now = new Date();
    // A day earlier than today anywhere on Earth (UTC-12) is surely past; the team may sit in any zone.
    const earliest = new Date(now.getTime() - 12 * 3600_000).toISOString().slice(0, 10);
    if (data.dueOn < earliest) {
      throw InvalidContentInputError.of('dueOn', `${data.dueOn} is in the past; give today or a later day`);
    }
    const request = AssetRequest.open({
      id: uuidv7(),
      tenantId: data.tenantId,
      workspaceId: data.workspaceId,
      postId: data.postId,
      kind: data.kind,
      brief: data.brief,
      dueOn: data.dueOn,
      assigneeId: data.assigneeId,
      requestedBy: data.by,
      createdAt: now,
    });
    await this.team.saveAssetRequest(request, null);
    return request.snapshot();
  }
}
