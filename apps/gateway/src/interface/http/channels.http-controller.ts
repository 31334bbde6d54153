import { Controller, Delete, Get, HttpCode, Inject, Optional, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  PublicEndpoint,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidParam,
  ValidQuery,
} from '@chorus/service-kit';
import { CompleteChannelAuthorizationCommand } from '../../application/commands/complete-channel-authorization/complete-channel-authorization.command.js';
import { ConnectChannelWithPasswordCommand } from '../../application/commands/connect-channel-with-password/connect-channel-with-password.command.js';
import { DisconnectChannelCommand } from '../../application/commands/disconnect-channel/disconnect-channel.command.js';
import {
  StartChannelAuthorizationCommand,
  type AuthorizationStarted,
} from '../../application/commands/start-channel-authorization/start-channel-authorization.command.js';
import { ListChannelsQuery } from '../../application/queries/list-channels/list-channels.query.js';
import type { Channel, ChannelProps } from '../../domain/channel/channel.aggregate.js';
import { PUBLIC_URL } from '../../gateway.tokens.js';
import { channelHttpError } from './channel-http.errors.js';
import { callbackUrlOf } from './channel-callback-url.mapper.js';
import {
  AppPasswordBody,
  AuthorizationStartedResponse,
  ChannelIdParam,
  ChannelListResponse,
  ChannelResponse,
  OAuthCallbackQuery,
  StartAuthorizationBody,
  channelResponse,
} from './dto/channel.dto.js';

/**
 * The workspace's channels: connect (OAuth with state and PKCE, or an app password), list with their state,
 * disconnect. Connecting an account the workspace already has reconnects it (ADR 0014).
 */
@ApiTags('channels')
@Controller('api/channels')
export class ChannelsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {}

  @Get()
  @RequirePermission('channel:read')
  @ApiOperation({
    summary: "This workspace's channels with their state (connected, reauth-required, disconnected)",
  })
  @ResponseSchema(200, ChannelListResponse, 'The channels, newest first')
  async list(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof ChannelListResponse>> {
    const channels: ChannelProps[] = await this.queries.execute(
      new ListChannelsQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: channels.map(channelResponse) };
  }

  @Post('oauth/start')
  @HttpCode(201)
  @RequirePermission('channel:manage')
  @ApiOperation({
    summary:
      "Start connecting (or reconnecting) an account through the network's OAuth: returns the network's " +
      'authorize URL, with a one-time state and a PKCE challenge',
  })
  @BodySchema(StartAuthorizationBody)
  @ResponseSchema(201, AuthorizationStartedResponse, 'Send the browser to authorizeUrl')
  @BadRequestDoc()
  async start(
    @ValidBody(StartAuthorizationBody) body: StartAuthorizationBody,
    @CurrentIdentity() identity: Identity,
    @Req() request: FastifyRequest,
  ): Promise<z.infer<typeof AuthorizationStartedResponse>> {
    try {
      const started: AuthorizationStarted = await this.commands.execute(
        new StartChannelAuthorizationCommand(
          identity.tenantId,
          identity.workspaceId,
          identity.userId,
          body.network,
          callbackUrlOf(request, this.publicUrl),
          body.params,
        ),
      );
      return { authorizeUrl: started.authorizeUrl, expiresAt: started.expiresAt.toISOString() };
    } catch (error) {
      throw channelHttpError(error);
    }
  }

  // The network redirects the browser here from another site: SameSite=Strict keeps the session cookie away,
  // so the one-time state (10 minutes, stored hashed) is what identifies the authorization, not a session.
  @Get('oauth/callback')
  @PublicEndpoint()
  @ApiOperation({
    summary: "The network's redirect back: exchanges the code; a wrong, expired or used state is refused",
  })
  @QuerySchema(OAuthCallbackQuery)
  @ResponseSchema(200, ChannelResponse, 'The channel, connected')
  @BadRequestDoc()
  async callback(
    @ValidQuery(OAuthCallbackQuery) query: OAuthCallbackQuery,
  ): Promise<z.infer<typeof ChannelResponse>> {
    try {
      const channel: Channel = await this.commands.execute(
        new CompleteChannelAuthorizationCommand(query.state, query.code, query.error),
      );
      return channelResponse(channel.snapshot());
    } catch (error) {
      throw channelHttpError(error);
    }
  }

  @Post('app-password')
  @HttpCode(201)
  @RequirePermission('channel:manage')
  @ApiOperation({
    summary:
      'Connect (or reconnect) an account with an app password (Bluesky): checked against the network ' +
      'before anything is stored',
  })
  @BodySchema(AppPasswordBody)
  @ResponseSchema(201, ChannelResponse, 'The channel, connected')
  @BadRequestDoc()
  async connectWithPassword(
    @ValidBody(AppPasswordBody) body: AppPasswordBody,
    @CurrentIdentity() identity: Identity,
  ): Promise<z.infer<typeof ChannelResponse>> {
    try {
      const channel: Channel = await this.commands.execute(
        new ConnectChannelWithPasswordCommand(
          identity.tenantId,
          identity.workspaceId,
          identity.userId,
          body.network,
          body.identifier,
          body.password,
          body.params,
        ),
      );
      return channelResponse(channel.snapshot());
    } catch (error) {
      throw channelHttpError(error);
    }
  }

  @Delete(':channelId')
  @HttpCode(204)
  @RequirePermission('channel:manage')
  @ApiOperation({ summary: 'Disconnect a channel: its credentials are deleted and revoked on the network' })
  @NotFoundDoc('channel')
  async disconnect(
    @ValidParam('channelId', ChannelIdParam) channelId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<void> {
    try {
      await this.commands.execute(
        new DisconnectChannelCommand(identity.tenantId, identity.workspaceId, channelId, identity.userId),
      );
    } catch (error) {
      throw channelHttpError(error);
    }
  }
}
