import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
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
import { CreateApprovalLinkCommand } from '../../application/commands/create-approval-link/create-approval-link.command.js';
import { DecidePostApprovalCommand } from '../../application/commands/decide-post-approval/decide-post-approval.command.js';
import { SaveApprovalWorkflowCommand } from '../../application/commands/save-approval-workflow/save-approval-workflow.command.js';
import { SubmitPostForApprovalCommand } from '../../application/commands/submit-post-for-approval/submit-post-for-approval.command.js';
import { DiffPostVersionsQuery } from '../../application/queries/diff-post-versions/diff-post-versions.query.js';
import { SaveClientContactsCommand } from '../../application/commands/save-client-contacts/save-client-contacts.command.js';
import { GetClientContactsQuery } from '../../application/queries/get-client-contacts/get-client-contacts.query.js';
import { GetApprovalWorkflowQuery } from '../../application/queries/get-approval-workflow/get-approval-workflow.query.js';
import { GetPostApprovalQuery } from '../../application/queries/get-post-approval/get-post-approval.query.js';
import { ListPostVersionsQuery } from '../../application/queries/list-post-versions/list-post-versions.query.js';
import {
  ApprovalWorkflowDto,
  ClientContactsDto,
  CreatedLinkDto,
  CreateLinkBody,
  DecisionBody,
  DiffQueryDto,
  PostApprovalDto,
  PostApprovalViewDto,
  PostVersionListDto,
  VersionDiffDto,
  toApprovalDto,
  toApprovalViewDto,
  toDiffDto,
  toVersionDto,
  toWorkflowDto,
  type ApprovalWorkflowBody,
  type ClientContactsBody,
} from './dto/approval.dto.js';

/** The workspace's approval workflow, a post's way through it, and its content versions (docs/adr/0022). */
@ApiTags('approvals')
@Controller()
export class ApprovalsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('approval-workflow')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "The workspace's approval steps (none: posts need no approval)" })
  @ResponseSchema(200, ApprovalWorkflowDto, 'The workflow')
  async getWorkflow(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof ApprovalWorkflowDto>> {
    return toWorkflowDto(
      await this.queries.execute(new GetApprovalWorkflowQuery(identity.tenantId, identity.workspaceId)),
    );
  }

  // An admin's setting: a writer must not be able to switch off the approval that checks them.
  @Put('approval-workflow')
  @RequirePermission('workspace:manage')
  @ApiOperation({
    summary: 'Set the approval steps',
    description:
      "Each step names a role and 'any' (one holder decides) or 'all' (every member listed in memberIds). " +
      'An empty list turns approvals off. Posts already in a round keep the steps they started with.',
  })
  @BodySchema(ApprovalWorkflowDto)
  @ResponseSchema(200, ApprovalWorkflowDto, 'The workflow as stored')
  @BadRequestDoc()
  async saveWorkflow(
    @CurrentIdentity() identity: Identity,
    @ValidBody(ApprovalWorkflowDto) body: ApprovalWorkflowBody,
  ): Promise<z.infer<typeof ApprovalWorkflowDto>> {
    return toWorkflowDto(
      await this.commands.execute(
        new SaveApprovalWorkflowCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          workflow: body,
          by: identity.userId,
        }),
      ),
    );
  }

  @Post('posts/:postId/approval')
  @HttpCode(200)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Submit a post for approval',
    description:
      "Its current content version goes to step 1; the step's approvers are notified. Again after a " +
      'rejection: a new round. 409 when it already awaits approval or is approved as it is.',
  })
  @ResponseSchema(200, PostApprovalDto, 'The approval')
  @NotFoundDoc('post')
  @ApiConflictResponse({ description: 'Nothing to submit' })
  async submit(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof PostApprovalDto>> {
    return toApprovalDto(
      await this.commands.execute(
        new SubmitPostForApprovalCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          postId,
          by: identity.userId,
        }),
      ),
    );
  }

  @Get('posts/:postId/approval')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: "A post's approval: the step awaiting, this round's decisions, the whole history",
  })
  @ResponseSchema(200, PostApprovalViewDto, 'The approval')
  @NotFoundDoc('post')
  async getApproval(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof PostApprovalViewDto>> {
    return toApprovalViewDto(
      await this.queries.execute(new GetPostApprovalQuery(identity.tenantId, identity.workspaceId, postId)),
    );
  }

  @Post('posts/:postId/approval/decisions')
  @HttpCode(200)
  @RequirePermission('post:approve')
  @ApiOperation({
    summary: 'Approve or reject the step awaiting a decision',
    description:
      "You must hold the step's role (and, for an 'all' step, be one of its members): 403 names what is " +
      'needed. `version` is the content version you read: 409 when the post changed since. A rejection ' +
      'needs a comment. Each granted step emits PostApproved v1.',
  })
  @BodySchema(DecisionBody)
  @ResponseSchema(200, PostApprovalDto, 'The approval after the decision')
  @BadRequestDoc()
  @NotFoundDoc('approval')
  @ApiForbiddenResponse({ description: "You lack the step's role" })
  @ApiConflictResponse({ description: 'Another step or version awaits, or nothing does' })
  async decide(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidBody(DecisionBody) body: DecisionBody,
  ): Promise<z.infer<typeof PostApprovalDto>> {
    return toApprovalDto(
      await this.commands.execute(
        new DecidePostApprovalCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          postId,
          ...body,
          by: identity.userId,
          roles: identity.roles,
        }),
      ),
    );
  }

  @Get('approval-contacts')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "The workspace's client contacts, to whom approval links may be mailed" })
  @ResponseSchema(200, ClientContactsDto, 'The contacts')
  async getContacts(@CurrentIdentity() identity: Identity): Promise<ClientContactsBody> {
    const items = await this.queries.execute(
      new GetClientContactsQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: items.map((c) => ({ email: c.email, name: c.name })) };
  }

  // An admin's setting: a writer who could add their own address would hold the client's decision.
  @Put('approval-contacts')
  @RequirePermission('workspace:manage')
  @ApiOperation({
    summary: "Set the workspace's client contacts",
    description: 'The only addresses approval links are mailed to. Replaces the list (at most 20).',
  })
  @BodySchema(ClientContactsDto)
  @ResponseSchema(200, ClientContactsDto, 'The contacts as stored')
  @BadRequestDoc()
  async saveContacts(
    @CurrentIdentity() identity: Identity,
    @ValidBody(ClientContactsDto) body: ClientContactsBody,
  ): Promise<ClientContactsBody> {
    const items = await this.commands.execute(
      new SaveClientContactsCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        contacts: body.items,
        by: identity.userId,
      }),
    );
    return { items: items.map((c) => ({ email: c.email, name: c.name })) };
  }

  @Post('posts/:postId/approval/links')
  @HttpCode(201)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Mail a signed link to a client contact',
    description:
      "For an 'any' client-approver step awaiting a decision: a link that shows the post read-only and takes " +
      "one decision, without an account, until it expires. It is mailed to one of the workspace's client " +
      'contacts (400 on contactEmail otherwise) and never returned: whoever holds it decides the step.',
  })
  @BodySchema(CreateLinkBody)
  @ResponseSchema(201, CreatedLinkDto, 'The link')
  @BadRequestDoc()
  @NotFoundDoc('approval')
  @ApiConflictResponse({ description: "No 'any' client-approver step awaits" })
  async createLink(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidBody(CreateLinkBody) body: CreateLinkBody,
  ): Promise<z.infer<typeof CreatedLinkDto>> {
    const link = await this.commands.execute(
      new CreateApprovalLinkCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        postId,
        contactEmail: body.contactEmail,
        expiresInHours: body.expiresInHours,
        by: identity.userId,
      }),
    );
    return {
      linkId: link.linkId,
      sentTo: link.sentTo,
      step: link.step,
      version: link.version,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  @Get('posts/:postId/versions')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: "The post's content versions, oldest first (a new one each time the content changes)",
  })
  @ResponseSchema(200, PostVersionListDto, 'The versions')
  @NotFoundDoc('post')
  async listVersions(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof PostVersionListDto>> {
    const versions = await this.queries.execute(
      new ListPostVersionsQuery(identity.tenantId, identity.workspaceId, postId),
    );
    return { items: versions.map(toVersionDto) };
  }

  @Get('posts/:postId/versions/diff')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'What changed between two versions, field by field, with a line diff of each text',
    description: 'Without `from` and `to`: the latest version against the one before it.',
  })
  @QuerySchema(DiffQueryDto)
  @ResponseSchema(200, VersionDiffDto, 'The changes')
  @BadRequestDoc()
  @NotFoundDoc('post')
  async diffVersions(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidQuery(DiffQueryDto) query: z.infer<typeof DiffQueryDto>,
  ): Promise<z.infer<typeof VersionDiffDto>> {
    const diff = await this.queries.execute(
      new DiffPostVersionsQuery(identity.tenantId, identity.workspaceId, postId, query.from, query.to),
    );
    return toDiffDto(diff.from, diff.to, diff.changes);
  }
}
