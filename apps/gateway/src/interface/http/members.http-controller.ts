import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidParam,
} from '@chorus/service-kit';
import { ChangeMemberRolesCommand } from '../../application/commands/change-member-roles/change-member-roles.command.js';
import { InviteMemberCommand } from '../../application/commands/invite-member/invite-member.command.js';
import { RemoveMemberCommand } from '../../application/commands/remove-member/remove-member.command.js';
import { ListWorkspaceMembersQuery } from '../../application/queries/list-workspace-members/list-workspace-members.query.js';
import { accountHttpError } from './account-http.errors.js';
import {
  ChangeRolesBody,
  InviteMemberBody,
  InvitedMemberResponse,
  MemberIdParam,
  MemberListResponse,
} from './dto/member.dto.js';

/** The members of the workspace named in x-chorus-workspace, and their roles. */
@ApiTags('members')
@Controller('api/members')
export class MembersHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @RequirePermission('member:read')
  @ApiOperation({ summary: 'The members of this workspace and their roles' })
  @ResponseSchema(200, MemberListResponse, 'The members, by name')
  async list(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof MemberListResponse>> {
    const members = await this.queries.execute(
      new ListWorkspaceMembersQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: members.map((m) => ({ ...m, roles: [...m.roles] })) };
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('member:manage')
  @ApiOperation({
    summary:
      'Invite a person with roles: a new address gets an account and a set-password link (7 days); ' +
      'a member of the agency is added to this workspace',
  })
  @BodySchema(InviteMemberBody)
  @ResponseSchema(201, InvitedMemberResponse, 'Invited')
  @BadRequestDoc()
  @ApiConflictResponse({ description: 'Already a member of this workspace' })
  async invite(
    @ValidBody(InviteMemberBody) body: InviteMemberBody,
    @CurrentIdentity() identity: Identity,
  ): Promise<z.infer<typeof InvitedMemberResponse>> {
    try {
      return await this.commands.execute(
        new InviteMemberCommand(identity.tenantId, identity.workspaceId, identity.userId, body),
      );
    } catch (error) {
      throw accountHttpError(error);
    }
  }

  @Put(':memberId/roles')
  @HttpCode(204)
  @RequirePermission('member:manage')
  @ApiOperation({ summary: "Replace a member's roles in this workspace (effective at their next request)" })
  @BodySchema(ChangeRolesBody)
  @BadRequestDoc()
  @NotFoundDoc('member')
  @ApiConflictResponse({ description: 'It would leave the workspace without an admin' })
  async changeRoles(
    @ValidParam('memberId', MemberIdParam) memberId: string,
    @ValidBody(ChangeRolesBody) body: ChangeRolesBody,
    @CurrentIdentity() identity: Identity,
  ): Promise<void> {
    try {
      await this.commands.execute(
        new ChangeMemberRolesCommand(
          identity.tenantId,
          identity.workspaceId,
          memberId,
          body.roles,
          identity.userId,
        ),
      );
    } catch (error) {
      throw accountHttpError(error);
    }
  }

  @Delete(':memberId')
  @HttpCode(204)
  @RequirePermission('member:manage')
  @ApiOperation({ summary: 'Take a member out of this workspace' })
  @NotFoundDoc('member')
  @ApiConflictResponse({ description: 'It would leave the workspace without an admin' })
  async remove(
    @ValidParam('memberId', MemberIdParam) memberId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<void> {
    try {
      await this.commands.execute(
        new RemoveMemberCommand(identity.tenantId, identity.workspaceId, memberId, identity.userId),
      );
    } catch (error) {
      throw accountHttpError(error);
    }
  }
}
