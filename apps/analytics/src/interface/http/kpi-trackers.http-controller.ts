import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  CurrentIdentity,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidQuery,
} from '@chorus/service-kit';
import { ListKpiTrackersQuery } from '../../application/queries/list-kpi-trackers/list-kpi-trackers.query.js';
import { KpiTrackerListDto, toKpiTrackerDto } from './dto/kpi-tracker.dto.js';
import { ListKpiTrackersParams } from './dto/list-kpi-trackers.dto.js';

@ApiTags('kpi-trackers')
@Controller('kpi-trackers')
export class KpiTrackersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequirePermission('kpi:read')
  @ApiOperation({ summary: "List the workspace's KPI trackers, one per goal, newest first" })
  @QuerySchema(ListKpiTrackersParams)
  @ResponseSchema(200, KpiTrackerListDto, 'The trackers')
  @BadRequestDoc()
  async listKpiTrackers(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(ListKpiTrackersParams) params: ListKpiTrackersParams,
  ): Promise<{ items: ReturnType<typeof toKpiTrackerDto>[] }> {
    const trackers = await this.queries.execute(
      new ListKpiTrackersQuery(identity.tenantId, identity.workspaceId, params.goalId),
    );
    return { items: trackers.map(toKpiTrackerDto) };
  }
}
