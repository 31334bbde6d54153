import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { POST_REPOSITORY, TEAM_REPOSITORY, UNIT_OF_WORK } from '../../../content.tokens.js';
import { ApprovalForbiddenError } from '../../../domain/approvals/approval.errors.js';
import { InvalidContentInputError, ContentNotFoundError } from '../../../domain/content.errors.js';
import type { MediaRef } from '../../../domain/post-content.value-object.js';
import type { PostProps } from '../../../domain/post.aggregate.js';
import { AttachLibraryMediaQuery } from '../../../media/application/queries/attach-library-media/attach-library-media.query.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { TeamRepository } from '../../ports/team-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { EditPostCommand } from '../edit-post/edit-post.command.js';
import {
  ChangeAssetRequestStatusCommand,
  type ChangedAssetRequest,
  type DeliveryAttachment,
} from './change-asset-request-status.command.js';

/**
 * Moves the request on. A delivery names files of the workspace's library (400 otherwise) and, when the post is
 * a draft, adds them to its master content in the same transaction (a new content version); a scheduled post is
 * left as it is, and the answer says why (docs/adr/0022).
 */
@CommandHandler(ChangeAssetRequestStatusCommand)
export class ChangeAssetRequestStatusHandler implements ICommandHandler<ChangeAssetRequestStatusCommand> {
  constructor(
    @Inject(TEAM_REPOSITORY) private readonly team: TeamRepository,
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: ChangeAssetRequestStatusCommand): Promise<ChangedAssetRequest> {
    if (data.status === 'delivered' && data.mediaIds.length === 0) {
      throw InvalidContentInputError.of('mediaIds', 'delivering needs the ids of the media made (1 to 20)');
    }
    if (data.status !== 'delivered' && data.mediaIds.length > 0) {
      throw InvalidContentInputError.of(
        'mediaIds',
        `media are attached on delivery only, not when ${data.status}`,
      );
    }
    const media = data.status === 'delivered' ? await this.libraryMedia(data) : [];
    return this.unitOfWork.run(data.tenantId, async () => {
      const request = await this.team.findAssetRequest(data.tenantId, data.workspaceId, data.requestId);
      if (request === null) {
        throw new ContentNotFoundError(`No asset request ${data.requestId} in this workspace`);
      }
      const { assigneeId, requestedBy } = request.snapshot();
      if (data.by !== assigneeId && data.by !== requestedBy && !data.roles.includes('admin')) {
        throw new ApprovalForbiddenError(
          "Only the request's assignee or the member who requested it (or an admin) may change its status",
        );
      }
      const previous = request.snapshot().revision;
      request.changeStatus(data.status, data.mediaIds, data.expectedRevision, data.by, new Date());
      const attachment =
        data.status === 'delivered' ? await this.attach(request.snapshot().postId, media, data) : null;
      await this.team.saveAssetRequest(request, previous);
      return { request: request.snapshot(), attachment };
    });
  }

  /** The delivered ids as the library knows them: a 400 naming each one that is not in this workspace. */
  private async libraryMedia(data: ChangeAssetRequestStatusCommand['data']): Promise<MediaRef[]> {
    try {
      const holder = await this.queries.execute(
        new AttachLibraryMediaQuery(data.tenantId, data.workspaceId, {
          media: data.mediaIds.map((mediaId) => ({ mediaId })),
          thread: [],
          targets: [],
        }),
      );
      return [...holder.media];
    } catch (error) {
      if (error instanceof InvalidContentInputError) {
        throw new InvalidContentInputError(
          error.problems.map((p) => ({
            field: p.field.replace(/^media\.(\d+)\.mediaId$/, 'mediaIds.$1'),
            problem: `${p.problem}; upload the file with POST /media first`,
          })),
        );
      }
      throw error;
    }
  }

  private async attach(
    postId: string,
    media: readonly MediaRef[],
    data: ChangeAssetRequestStatusCommand['data'],
  ): Promise<DeliveryAttachment> {
    const post = await this.posts.find(data.tenantId, data.workspaceId, postId);
    if (post === null) {
      return { attached: false, postRevision: null, reason: 'The post no longer exists.' };
    }
    const p = post.snapshot();
    if (p.status !== 'draft') {
      // Changing a scheduled post reschedules it or sends it back for approval: the writer decides that.
      return {
        attached: false,
        postRevision: null,
        reason:
          `The post is ${p.status}, so the media were not added to it: a change would move it on the calendar ` +
          'or send it back for approval. Its writer adds them in the editor.',
      };
    }
    const held = new Set(p.master.media.map((m) => m.mediaId));
    const added = media.filter((m) => !held.has(m.mediaId));
    if (added.length === 0) {
      return { attached: true, postRevision: p.revision, reason: null };
    }
    const edited = await this.commands.execute(
      new EditPostCommand({
        tenantId: data.tenantId,
        workspaceId: data.workspaceId,
        postId,
        expectedRevision: p.revision,
        by: data.by,
        content: contentWith(p, added),
      }),
    );
    return { attached: true, postRevision: edited.post.revision, reason: null };
  }
}

/** The post's content as an edit takes it, with the media added after the master's own. */
function contentWith(p: PostProps, added: readonly MediaRef[]) {
  return {
    master: { ...p.master, media: [...p.master.media, ...added] },
    targets: p.targets.map(({ targetId: _targetId, ...target }) => target),
    contentType: p.contentType,
    tags: p.tags,
    campaignId: p.campaignId,
    pillarKey: p.pillarKey,
    goalIds: p.goalIds,
  };
}
