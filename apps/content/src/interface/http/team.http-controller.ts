import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidParam,
  ValidQuery,
} from '@chorus/service-kit';
import { AddPostCommentCommand } from '../../application/commands/add-post-comment/add-post-comment.command.js';
import { ChangeAssetRequestStatusCommand } from '../../application/commands/change-asset-request-status/change-asset-request-status.command.js';
import { RequestAssetCommand } from '../../application/commands/request-asset/request-asset.command.js';
import { ListAssetRequestsQuery } from '../../application/queries/list-asset-requests/list-asset-requests.query.js';
import { ListPostCommentsQuery } from '../../application/queries/list-post-comments/list-post-comments.query.js';
import {
  AssetRequestBody,
  AssetRequestDto,
  AssetRequestListDto,
  AssetRequestQueryDto,
  ChangedAssetRequestDto,
  AssetRequestStatusBody,
  CommentBody,
  CommentDto,
  CommentListDto,
  toAssetRequestDto,
  toChangedAssetRequestDto,
  toCommentDto,
} from './dto/team.dto.js';

/** The creative team on a post: internal comments with @mentions, and asset requests to designers. */
@ApiTags('team')
@Controller()
export class TeamHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('posts/:postId/comments')
  @HttpCode(201)
  @RequirePermission('comment:write')
  @ApiOperation({
    summary: 'Comment on a post (internal)',
    description: 'Write @<member id> to mention a member: each one mentioned is notified. At most 20.',
  })
  @BodySchema(CommentBody)
  @ResponseSchema(201, CommentDto, 'The comment')
  @BadRequestDoc()
  @NotFoundDoc('post')
  async addComment(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidBody(CommentBody) body: CommentBody,
  ): Promise<z.infer<typeof CommentDto>> {
    return toCommentDto(
      await this.commands.execute(
        new AddPostCommentCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          postId,
          body: body.body,
          by: identity.userId,
        }),
      ),
    );
  }

  @Get('posts/:postId/comments')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "A post's internal comments, oldest first" })
  @ResponseSchema(200, CommentListDto, 'The comments')
  @NotFoundDoc('post')
  async listComments(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof CommentListDto>> {
    const comments = await this.queries.execute(
      new ListPostCommentsQuery(identity.tenantId, identity.workspaceId, postId),
    );
    return { items: comments.map(toCommentDto) };
  }

  @Post('posts/:postId/asset-requests')
  @HttpCode(201)
  @RequirePermission('asset-request:write')
  @ApiOperation({
    summary: 'Ask a designer or video maker for an asset',
    description: 'A brief, a due day (today or later) and an assignee, who is notified.',
  })
  @BodySchema(AssetRequestBody)
  @ResponseSchema(201, AssetRequestDto, 'The request, open')
  @BadRequestDoc()
  @NotFoundDoc('post')
  async requestAsset(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidBody(AssetRequestBody) body: AssetRequestBody,
  ): Promise<z.infer<typeof AssetRequestDto>> {
    return toAssetRequestDto(
      await this.commands.execute(
        new RequestAssetCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          postId,
          ...body,
          by: identity.userId,
        }),
      ),
    );
  }

  @Get('asset-requests')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: 'Asset requests, soonest due first (of a post, an assignee, a status)' })
  @QuerySchema(AssetRequestQueryDto)
  @ResponseSchema(200, AssetRequestListDto, 'The requests')
  @BadRequestDoc()
  async listAssetRequests(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(AssetRequestQueryDto) query: z.infer<typeof AssetRequestQueryDto>,
  ): Promise<z.infer<typeof AssetRequestListDto>> {
    const requests = await this.queries.execute(
      new ListAssetRequestsQuery(identity.tenantId, identity.workspaceId, query),
    );
    return { items: requests.map(toAssetRequestDto) };
  }

  @Post('asset-requests/:requestId/status')
  @HttpCode(200)
  @RequirePermission('asset-request:write')
  @ApiOperation({
    summary: 'Move an asset request on',
    description:
      'open -> in-progress -> delivered (with mediaIds: files of the library, 400 otherwise), or cancelled; ' +
      'in-progress may go back to open. Delivered and cancelled are final. The other side is notified. ' +
      "On delivery the media are added to a draft post's master content (a new version); `attachment` " +
      'says so, or why not (a scheduled post is left to its writer). Only the assignee, the requester or an ' +
      'admin may change it (403).',
  })
  @BodySchema(AssetRequestStatusBody)
  @ResponseSchema(200, ChangedAssetRequestDto, 'The request, and what became of the media on the post')
  @BadRequestDoc()
  @NotFoundDoc('asset request')
  @ApiForbiddenResponse({ description: 'Neither the assignee, the requester nor an admin' })
  @ApiConflictResponse({ description: 'Not a next status, or the request changed meanwhile' })
  async changeStatus(
    @CurrentIdentity() identity: Identity,
    @ValidParam('requestId', z.uuid()) requestId: string,
    @ValidBody(AssetRequestStatusBody) body: AssetRequestStatusBody,
  ): Promise<z.infer<typeof ChangedAssetRequestDto>> {
    return toChangedAssetRequestDto(
      await this.commands.execute(
        new ChangeAssetRequestStatusCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          requestId,
          status: body.status,
          mediaIds: body.mediaIds,
          expectedRevision: body.revision,
          by: identity.userId,
          roles: identity.roles,
        }),
      ),
    );
  }
}
