import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  BadRequestDoc,
  BodySchema,
  ResponseSchema,
  ValidBody,
  type RequestWithMember,
} from '@chorus/service-kit';
import { CreateWorkspaceCommand } from '../../application/commands/create-workspace/create-workspace.command.js';
import { RequireAgencyRole } from './agency-role.guard.js';
import { CreateWorkspaceBody, WorkspaceResponse } from './dto/member.dto.js';

@ApiTags('members')
@Controller('api/workspaces')
export class WorkspacesHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** An agency-level action (ADR 0018): a workspace admin runs one brand, not the agency. */
  @Post()
  @HttpCode(201)
  @RequireAgencyRole()
  @ApiOperation({
    summary:
      'Add a workspace (brand) to the agency; needs an agency role (owner or admin); you become its admin',
  })
  @BodySchema(CreateWorkspaceBody)
  @ResponseSchema(201, WorkspaceResponse, 'The new workspace')
  @BadRequestDoc()
  async create(
    @ValidBody(CreateWorkspaceBody) body: CreateWorkspaceBody,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof WorkspaceResponse>> {
    const member = request.member!; // set by the edge guard on every authenticated route
    return this.commands.execute(new CreateWorkspaceCommand(member.tenantId, member.userId, body.name));
  }
}
