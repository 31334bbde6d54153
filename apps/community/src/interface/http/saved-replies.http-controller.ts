import { ConflictException, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  RequirePermission,
  ResponseSchema,
  ValidBody,
} from '@chorus/service-kit';
import { CreateSavedReplyCommand } from '../../application/commands/create-saved-reply/create-saved-reply.command.js';
import { ListSavedRepliesQuery } from '../../application/queries/list-saved-replies/list-saved-replies.query.js';
import { DuplicateSavedReplyError } from '../../domain/saved-reply.errors.js';
import { CreateSavedReplyBody } from './dto/create-saved-reply.dto.js';
import { SavedReplyDto, SavedReplyListDto, toSavedReplyDto } from './dto/saved-reply.dto.js';

@ApiTags('saved-replies')
@Controller('saved-replies')
export class SavedRepliesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('saved-reply:write')
  @ApiOperation({ summary: 'Create a saved reply' })
  @BodySchema(CreateSavedReplyBody)
  @ResponseSchema(201, SavedReplyDto, 'As stored')
  @BadRequestDoc()
  @ApiConflictResponse({ description: 'A saved reply with this title already exists in the workspace' })
  async createSavedReply(
    @CurrentIdentity() identity: Identity,
    @ValidBody(CreateSavedReplyBody) body: CreateSavedReplyBody,
  ): Promise<SavedReplyDto> {
    try {
      const created = await this.commands.execute(
        new CreateSavedReplyCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          title: body.title,
          body: body.body,
          createdBy: identity.userId,
        }),
      );
      return toSavedReplyDto(created);
    } catch (error) {
      if (error instanceof DuplicateSavedReplyError) {
        throw new ConflictException(error.message);
      }
      throw error;
    }
  }

  @Get()
  @RequirePermission('saved-reply:read')
  @ApiOperation({ summary: "List the workspace's saved replies, newest first" })
  @ResponseSchema(200, SavedReplyListDto, 'The saved replies')
  async listSavedReplies(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof SavedReplyListDto>> {
    const items = await this.queries.execute(
      new ListSavedRepliesQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: items.map(toSavedReplyDto) };
  }
}
