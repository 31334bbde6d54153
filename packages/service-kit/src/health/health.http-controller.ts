import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicEndpoint } from '../access/access-declaration.js';
import { Readiness, type ReadinessReport } from './readiness.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  @PublicEndpoint()
  @ApiOkResponse({ description: 'The process is running' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicEndpoint()
  @ApiOkResponse({ description: 'The database answers and the event bus runs' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; the body says which check failed' })
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReadinessReport & { status: string }> {
    const report = await this.readiness.check();
    reply.status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: report.ready ? 'ready' : 'not-ready', ...report };
  }
}
