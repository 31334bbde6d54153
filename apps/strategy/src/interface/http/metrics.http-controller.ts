import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { RequirePermission, ResponseSchema } from '@chorus/service-kit';
import { METRIC_CATALOG } from '../../domain/metric-catalog.value-object.js';
import { MetricListDto } from './dto/metric.dto.js';

@ApiTags('goals')
@Controller('metrics')
export class MetricsHttpController {
  @Get()
  @RequirePermission('goal:read')
  @ApiOperation({
    summary: 'The metric vocabulary goals use',
    description:
      "Network counters exactly as connectors report them (the connector SDK's insights vocabulary, " +
      'kebab-cased), plus the KPIs analytics derives; each with its unit and better direction.',
  })
  @ResponseSchema(200, MetricListDto, 'The metrics')
  listMetrics(): z.infer<typeof MetricListDto> {
    return { items: METRIC_CATALOG.map((m) => ({ ...m })) };
  }
}
