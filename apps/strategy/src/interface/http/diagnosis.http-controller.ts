import { Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
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
  ValidParam,
} from '@chorus/service-kit';
import { RecordProblemEvidenceCommand } from '../../application/commands/record-problem-evidence/record-problem-evidence.command.js';
import { UpdatePlaybookEntryCommand } from '../../application/commands/update-playbook-entry/update-playbook-entry.command.js';
import { GetDiagnosisQuery } from '../../application/queries/get-diagnosis/get-diagnosis.query.js';
import { GetDiagnosisPlaybookQuery } from '../../application/queries/get-diagnosis-playbook/get-diagnosis-playbook.query.js';
import type { BrandProblem } from '../../domain/brand-problem.value-object.js';
import {
  DiagnosisDto,
  PlaybookDto,
  PlaybookEntryBody,
  ProblemDiagnosisDto,
  ProblemDto,
  RecordEvidenceBody,
  toPlaybookDto,
  toProblemDiagnosisDto,
} from './dto/diagnosis.dto.js';

@ApiTags('diagnosis')
@Controller()
export class DiagnosisHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('diagnosis')
  @RequirePermission('goal:read')
  @ApiOperation({
    summary: "The brand's diagnosis",
    description:
      "Every problem with its typed evidence fields, the values entered, a severity computed from the agency's " +
      'thresholds, and the recommended goals, KPIs, channels and content pillars when the problem shows.',
  })
  @ResponseSchema(200, DiagnosisDto, 'One entry per problem')
  async diagnosis(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof DiagnosisDto>> {
    const problems = await this.queries.execute(
      new GetDiagnosisQuery(identity.tenantId, identity.workspaceId),
    );
    return { problems: problems.map(toProblemDiagnosisDto) };
  }

  @Put('diagnosis/problems/:problem')
  @RequirePermission('goal:write')
  @ApiOperation({ summary: 'Enter the evidence of one problem (replaces what was entered before)' })
  @BodySchema(RecordEvidenceBody)
  @ResponseSchema(200, ProblemDiagnosisDto, 'The problem with its new severity')
  @BadRequestDoc()
  async recordEvidence(
    @CurrentIdentity() identity: Identity,
    @ValidParam('problem', ProblemDto) problem: BrandProblem,
    @ValidBody(RecordEvidenceBody) body: RecordEvidenceBody,
  ): Promise<z.infer<typeof ProblemDiagnosisDto>> {
    await this.commands.execute(
      new RecordProblemEvidenceCommand(
        identity.tenantId,
        identity.workspaceId,
        problem,
        body.evidence,
        body.notes,
        identity.userId,
      ),
    );
    const problems = await this.queries.execute(
      new GetDiagnosisQuery(identity.tenantId, identity.workspaceId),
    );
    return toProblemDiagnosisDto(problems.find((p) => p.problem === problem)!);
  }

  @Get('diagnosis-playbook')
  @RequirePermission('goal:read')
  @ApiOperation({
    summary: "The agency's diagnosis playbook",
    description: "Thresholds and recommendations per problem: the agency's own entry, or the seed (source).",
  })
  @ResponseSchema(200, PlaybookDto, 'One entry per problem')
  async playbook(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof PlaybookDto>> {
    return toPlaybookDto(await this.queries.execute(new GetDiagnosisPlaybookQuery(identity.tenantId)));
  }

  @Put('diagnosis-playbook/problems/:problem')
  @RequirePermission('workspace:manage')
  @ApiOperation({
    summary: "Replace the agency's playbook entry for one problem",
    description:
      'Applies to every workspace of the agency: a threshold per evidence field, at least two recommended ' +
      'goals with metrics from GET /metrics, channels, content pillars and actions. Agency admins only.',
  })
  @BodySchema(PlaybookEntryBody)
  @ResponseSchema(200, PlaybookDto, 'The whole playbook after the change')
  @BadRequestDoc()
  async updatePlaybook(
    @CurrentIdentity() identity: Identity,
    @ValidParam('problem', ProblemDto) problem: BrandProblem,
    @ValidBody(PlaybookEntryBody) body: PlaybookEntryBody,
  ): Promise<z.infer<typeof PlaybookDto>> {
    await this.commands.execute(
      new UpdatePlaybookEntryCommand(
        identity.tenantId,
        problem,
        body.thresholds,
        body.recommendations,
        identity.userId,
      ),
    );
    return toPlaybookDto(await this.queries.execute(new GetDiagnosisPlaybookQuery(identity.tenantId)));
  }
}
