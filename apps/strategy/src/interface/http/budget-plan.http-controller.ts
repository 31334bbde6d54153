import { Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
} from '@chorus/service-kit';
import { SaveBudgetPlanCommand } from '../../application/commands/save-budget-plan/save-budget-plan.command.js';
import { GetBudgetPlanQuery } from '../../application/queries/get-budget-plan/get-budget-plan.query.js';
import { GetProfitAndLossQuery } from '../../application/queries/get-profit-and-loss/get-profit-and-loss.query.js';
import {
  BudgetPlanBody,
  BudgetPlanDto,
  ProfitAndLossDto,
  toBudgetPlanDto,
  toProfitAndLossDto,
} from './dto/budget-plan.dto.js';

@ApiTags('budget')
@Controller('budget-plan')
export class BudgetPlanHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put()
  @RequirePermission('budget:write')
  @ApiOperation({
    summary: 'Save the budget plan',
    description:
      'Team (role x hours per month x hourly rate), tools per month, paid media per network and month, and ' +
      'the expected return per goal; amounts in minor units of one currency, never negative.',
  })
  @BodySchema(BudgetPlanBody)
  @ResponseSchema(200, BudgetPlanDto, 'The plan with its totals')
  @BadRequestDoc()
  async save(
    @CurrentIdentity() identity: Identity,
    @ValidBody(BudgetPlanBody) body: BudgetPlanBody,
  ): Promise<BudgetPlanDto> {
    await this.commands.execute(
      new SaveBudgetPlanCommand(identity.tenantId, identity.workspaceId, body, identity.userId),
    );
    return toBudgetPlanDto(
      await this.queries.execute(new GetBudgetPlanQuery(identity.tenantId, identity.workspaceId)),
    );
  }

  @Get()
  @RequirePermission('budget:read')
  @ApiOperation({ summary: 'The budget plan with its totals and expected return on investment' })
  @ResponseSchema(200, BudgetPlanDto, 'The plan with its totals')
  @NotFoundDoc('budget plan')
  async get(@CurrentIdentity() identity: Identity): Promise<BudgetPlanDto> {
    return toBudgetPlanDto(
      await this.queries.execute(new GetBudgetPlanQuery(identity.tenantId, identity.workspaceId)),
    );
  }

  @Get('profit-and-loss')
  @RequirePermission('budget:read')
  @ApiOperation({
    summary: 'Planned against actual, month by month',
    description:
      'Actuals arrive through BudgetActualsRecorded v1 (the latest statement per month wins); the expected ' +
      'return is spread evenly over the months.',
  })
  @ResponseSchema(200, ProfitAndLossDto, 'The profit-and-loss view')
  @NotFoundDoc('budget plan')
  async profitAndLoss(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof ProfitAndLossDto>> {
    return toProfitAndLossDto(
      await this.queries.execute(new GetProfitAndLossQuery(identity.tenantId, identity.workspaceId)),
    );
  }
}
