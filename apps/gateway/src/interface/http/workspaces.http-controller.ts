import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { CreateWorkspaceCommand } from '../../application/commands/create-workspace/create-workspace.command.js';
import { CreateWorkspaceBody, WorkspaceResponse } from './dto/member.dto.js';

@ApiTags('members')
@Controller('api/workspaces')
export class WorkspacesHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('workspace:manage')
  @ApiOperation({
    summary:
      'Add a workspace (brand) to the agency; needs workspace:manage where you act; you become its admin',
  })
  @BodySchema(CreateWorkspaceBody)
  @ResponseSchema(201, WorkspaceResponse, 'The new workspace')
  @BadRequestDoc()
  async create(
    @ValidBody(CreateWorkspaceBody) body: CreateWorkspaceBody,
    @CurrentIdentity() identity: Identity,
  ): Promise<z.infer<typeof WorkspaceResponse>> {
    return this.commands.execute(new CreateWorkspaceCommand(identity.tenantId, identity.userId, body.name));
  }
}
