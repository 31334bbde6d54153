import { Controller, Get, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicEndpoint, ValidParam } from '@chorus/service-kit';
import { ReportChannelReauthCommand } from '../../application/commands/report-channel-reauth/report-channel-reauth.command.js';
import {
  GetChannelCredentialsQuery,
  type ChannelCredentials,
} from '../../application/queries/get-channel-credentials/get-channel-credentials.query.js';
import { channelHttpError } from './channel-http.errors.js';
import { ChannelIdParam } from './dto/channel.dto.js';
import { InternalServiceGuard } from './internal-service.guard.js';

type InternalRequest = FastifyRequest & { internalTenantId: string };

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
  ) {}

  /** Working credentials, renewed first when they expire within a minute; 409 when a member must reconnect. */
  @Get(':channelId/credentials')
  @Header('cache-control', 'no-store')
  async credentials(
    @ValidParam('channelId', ChannelIdParam) channelId: string,
    @Req() request: InternalRequest,
  ): Promise<ChannelCredentials> {
    try {
      return await this.queries.execute(new GetChannelCredentialsQuery(request.internalTenantId, channelId));
    } catch (error) {
      throw channelHttpError(error);
    }
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
