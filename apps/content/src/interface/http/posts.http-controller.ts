import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { AddToQueueCommand } from '../../application/commands/add-to-queue/add-to-queue.command.js';
import { CreatePostCommand } from '../../application/commands/create-post/create-post.command.js';
import { DuplicatePostCommand } from '../../application/commands/duplicate-post/duplicate-post.command.js';
import { EditPostCommand } from '../../application/commands/edit-post/edit-post.command.js';
import { SchedulePostCommand } from '../../application/commands/schedule-post/schedule-post.command.js';
import { CheckPostQuery } from '../../application/queries/check-post/check-post.query.js';
import { GetPostQuery } from '../../application/queries/get-post/get-post.query.js';
import { ListPostsQuery } from '../../application/queries/list-posts/list-posts.query.js';
import { AttachLibraryMediaQuery } from '../../media/application/queries/attach-library-media/attach-library-media.query.js';
import { EditPostBody, ListPostsQueryDto, PostBody, ScheduleBody, contentOf } from './dto/post-body.dto.js';
import {
  PostChecksDto,
  PostDto,
  PostListDto,
  PostWithWarningsDto,
  toPostDto,
  toProblems,
  toRenderedTargetDto,
} from './dto/post.dto.js';

// Posts use the campaign permissions until the access matrix gets post permissions of its own.
@ApiTags('posts')
@Controller('posts')
export class PostsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Create a draft post',
    description: 'A master text with a variant per channel. Channels must be connected to this workspace.',
  })
  @BodySchema(PostBody)
  @ResponseSchema(201, PostDto, 'The draft')
  @BadRequestDoc()
  async createPost(
    @CurrentIdentity() identity: Identity,
    @ValidBody(PostBody) body: PostBody,
  ): Promise<PostDto> {
    const post = await this.commands.execute(
      new CreatePostCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        createdBy: identity.userId,
        content: contentOf(
          body,
          await this.queries.execute(
            new AttachLibraryMediaQuery(identity.tenantId, identity.workspaceId, body),
          ),
        ),
      }),
    );
    return toPostDto(post);
  }

  @Get()
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "List the workspace's posts: scheduled ones by time, then drafts, newest first" })
  @QuerySchema(ListPostsQueryDto)
  @ResponseSchema(200, PostListDto, 'The posts')
  @BadRequestDoc()
  async listPosts(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(ListPostsQueryDto) query: z.infer<typeof ListPostsQueryDto>,
  ): Promise<z.infer<typeof PostListDto>> {
    const posts = await this.queries.execute(
      new ListPostsQuery(identity.tenantId, identity.workspaceId, query),
    );
    return { items: posts.map(toPostDto) };
  }

  @Get(':postId')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: 'Get one post' })
  @ResponseSchema(200, PostDto, 'The post')
  @NotFoundDoc('post')
  async getPost(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<PostDto> {
    return toPostDto(
      await this.queries.execute(new GetPostQuery(identity.tenantId, identity.workspaceId, postId)),
    );
  }

  @Put(':postId')
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: "Replace a post's content",
    description:
      'Based on `revision` (409 when it moved). A scheduled post is validated again and stays scheduled: ' +
      'PostScheduled v2 is emitted again for every target.',
  })
  @BodySchema(EditPostBody)
  @ResponseSchema(200, PostWithWarningsDto, 'The post after the edit')
  @BadRequestDoc()
  @NotFoundDoc('post')
  @ApiConflictResponse({ description: 'The post changed meanwhile' })
  async editPost(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidBody(EditPostBody) body: EditPostBody,
  ): Promise<z.infer<typeof PostWithWarningsDto>> {
    const result = await this.commands.execute(
      new EditPostCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        postId,
        expectedRevision: body.revision,
        by: identity.userId,
        content: contentOf(
          body,
          await this.queries.execute(
            new AttachLibraryMediaQuery(identity.tenantId, identity.workspaceId, body),
          ),
        ),
      }),
    );
    return { ...toPostDto(result.post), warnings: toProblems(result.warnings) };
  }

  @Post(':postId/schedule')
  @HttpCode(200)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Schedule or reschedule a post',
    description:
      "Validates every target against its connector's manifest and the brand voice (400 listing every " +
      'problem, naming the channel, the field and the limit; nothing changes), then emits PostScheduled v2 ' +
      'per target in the same transaction.',
  })
  @BodySchema(ScheduleBody)
  @ResponseSchema(200, PostWithWarningsDto, 'The scheduled post')
  @BadRequestDoc()
  @NotFoundDoc('post')
  async schedulePost(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidBody(ScheduleBody) body: ScheduleBody,
  ): Promise<z.infer<typeof PostWithWarningsDto>> {
    const result = await this.commands.execute(
      new SchedulePostCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        postId,
        schedule: { publishAt: new Date(body.publishAt), timeZone: body.timeZone },
        by: identity.userId,
      }),
    );
    return { ...toPostDto(result.post), warnings: toProblems(result.warnings) };
  }

  @Post(':postId/queue')
  @HttpCode(200)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Add to queue',
    description:
      "Schedules the post at the next free slot of its first channel's queue (PUT /queues), with every check " +
      'of POST /posts/{postId}/schedule. 409 when the channel has no free slot in the next 8 weeks.',
  })
  @ResponseSchema(200, PostWithWarningsDto, 'The scheduled post')
  @BadRequestDoc()
  @NotFoundDoc('post')
  @ApiConflictResponse({ description: 'No queue, or no free slot' })
  async addToQueue(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof PostWithWarningsDto>> {
    const result = await this.commands.execute(
      new AddToQueueCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        postId,
        by: identity.userId,
      }),
    );
    return { ...toPostDto(result.post), warnings: toProblems(result.warnings) };
  }

  @Post(':postId/duplicate')
  @HttpCode(201)
  @RequirePermission('campaign:write')
  @ApiOperation({ summary: 'Copy a post as a new draft (not scheduled)' })
  @ResponseSchema(201, PostDto, 'The copy')
  @NotFoundDoc('post')
  async duplicatePost(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<PostDto> {
    return toPostDto(
      await this.commands.execute(
        new DuplicatePostCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          postId,
          by: identity.userId,
        }),
      ),
    );
  }

  @Get(':postId/checks')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'What scheduling would say',
    description: 'Every problem and brand-voice warning per target, and each target as it would be sent.',
  })
  @ResponseSchema(200, PostChecksDto, 'The report')
  @NotFoundDoc('post')
  async checkPost(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof PostChecksDto>> {
    const report = await this.queries.execute(
      new CheckPostQuery(identity.tenantId, identity.workspaceId, postId),
    );
    return {
      problems: toProblems(report.problems),
      warnings: toProblems(report.warnings),
      targets: report.targets.map(toRenderedTargetDto),
    };
  }
}
