import { BadRequestException, Controller, Get, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicEndpoint, ValidParam } from '@chorus/service-kit';
import { ReportChannelReauthCommand } from '../../application/commands/report-channel-reauth/report-channel-reauth.command.js';
import {
  GetChannelCredentialsQuery,
  type ChannelCredentials,
} from '../../application/queries/get-channel-credentials/get-channel-credentials.query.js';
import {
  VaultRewrapStatus,
  type RewrapReport,
} from '../../application/channels/vault-rewrap-status.adapter.js';
import { channelHttpError } from './channel-http.errors.js';
import { ChannelIdParam } from './dto/channel.dto.js';
import { InternalServiceGuard } from './internal-service.guard.js';

type InternalRequest = FastifyRequest & { internalTenantId: string };

/** Who reads a channel's tokens and why: both go to the audit log with every read (ADR 0018). */
export const SERVICE_NAME_HEADER = 'x-chorus-service';
export const PURPOSE_HEADER = 'x-chorus-purpose';
const AUDITED_VALUE = /^[a-z][a-z0-9-]{0,62}$/;

function auditedHeader(request: FastifyRequest, header: string, what: string): string {
  const value = request.headers[header];
  if (typeof value !== 'string' || !AUDITED_VALUE.test(value)) {
    const problem = `must be ${what}: lower-case letters, digits and dashes, up to 63`;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid header ${header}: ${problem}`,
      problems: [{ field: header, problem }],
    });
  }
  return value;
}

/**
 * Credentials for the services that publish and read (ADR 0014). Not in the public OpenAPI document, not
 * under /api (so the service proxy never routes to it), and closed to members: the edge guard lets the request
 * through (public for it) and InternalServiceGuard demands the internal token.
 */
@ApiExcludeController()
@Controller('internal/channels')
@PublicEndpoint()
@UseGuards(InternalServiceGuard)
export class InternalChannelsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly rewrapStatus: VaultRewrapStatus,
  ) {}

  /** Working credentials, renewed first when they expire within a minute; 409 when a member must reconnect. */
  @Get(':channelId/credentials')
  @Header('cache-control', 'no-store')
  async credentials(
    @ValidParam('channelId', ChannelIdParam) channelId: string,
    @Req() request: InternalRequest,
  ): Promise<ChannelCredentials> {
    const reader = {
      service: auditedHeader(request, SERVICE_NAME_HEADER, "the calling service's name, e.g. content"),
      purpose: auditedHeader(request, PURPOSE_HEADER, 'why it needs the tokens, e.g. publish'),
    };
    try {
      return await this.queries.execute(
        new GetChannelCredentialsQuery(request.internalTenantId, channelId, reader),
      );
    } catch (error) {
      throw channelHttpError(error);
    }
  }

  /** Operators: the last vault re-wrap pass of this instance (failures by channel id, never a secret). */
  @Get('vault-status')
  @Header('cache-control', 'no-store')
  vaultStatus(): RewrapReport {
    return this.rewrapStatus.current();
  }

  /** A service met reauth-required on the network; the gateway checks with the network before it marks it. */
  @Post(':channelId/reauth-required')
  @HttpCode(200)
  async reportReauth(
    @ValidParam('channelId', ChannelIdParam) channelId: string,
    @Req() request: InternalRequest,
  ): Promise<{ outcome: string }> {
    try {
      const outcome: string = await this.commands.execute(
        new ReportChannelReauthCommand(request.internalTenantId, channelId),
      );
      return { outcome };
    } catch (error) {
      throw channelHttpError(error);
    }
  }
}
