import { randomBytes } from 'node:crypto';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  Inject,
  Optional,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiSeeOtherResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
  addCookies,
  cookieLine,
  cookiePolicyOf,
  parseCookies,
  type CookiePolicy,
} from './session-cookie.mapper.js';
import {
  OAuthStateRefusedError,
  NetworkRefusedConnectionError,
} from '../../domain/channel/channel.errors.js';
import { AUTHORIZATION_LIFETIME_MS } from '../../application/commands/start-channel-authorization/start-channel-authorization.handler.js';
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

/** The console's channels page: a browser coming back from the network lands there with `outcome`. */
export const CHANNELS_PAGE_PATH = '/channels';

/**
 * The workspace's channels: connect (OAuth with state and PKCE, or an app password), list with their state,
 * disconnect. Connecting an account the workspace already has reconnects it (ADR 0014).
 */
@ApiTags('channels')
@Controller('api/channels')
export class ChannelsHttpController {
  private readonly cookies: CookiePolicy;

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {
    this.cookies = cookiePolicyOf(publicUrl);
  }

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
      'authorize URL, with a one-time state and a PKCE challenge, and sets an httpOnly chorus_oauth_<id> cookie ' +
      'that binds the callback to this browser (open authorizeUrl in the same browser)',
  })
  @BodySchema(StartAuthorizationBody)
  @ResponseSchema(201, AuthorizationStartedResponse, 'Send the browser to authorizeUrl')
  @BadRequestDoc()
  async start(
    @ValidBody(StartAuthorizationBody) body: StartAuthorizationBody,
    @CurrentIdentity() identity: Identity,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof AuthorizationStartedResponse>> {
    const browserNonce = randomBytes(32).toString('base64url');
    try {
      const started: AuthorizationStarted = await this.commands.execute(
        new StartChannelAuthorizationCommand(
          identity.tenantId,
          identity.workspaceId,
          identity.userId,
          body.network,
          callbackUrlOf(request, this.publicUrl),
          body.params,
          browserNonce,
        ),
      );
      // Lax, not Strict: the network sends the browser back with a top-level GET from its own site.
      addCookies(reply, [
        cookieLine(this.cookies, this.cookies.oauthFor(started.state), browserNonce, {
          maxAge: AUTHORIZATION_LIFETIME_MS / 1000,
          httpOnly: true,
          sameSite: 'Lax',
          overHttps: request.protocol === 'https',
        }),
      ]);
      return { authorizeUrl: started.authorizeUrl, expiresAt: started.expiresAt.toISOString() };
    } catch (error) {
      throw channelHttpError(error);
    }
  }

  // The network redirects the browser here from another site: SameSite=Strict keeps the session cookie away,
  // so the one-time state (10 minutes, stored hashed with the browser's nonce) identifies the authorization, and
  // the Lax chorus_oauth_<id> cookie proves it is the browser that started it.
  @Get('oauth/callback')
  @PublicEndpoint()
  @ApiOperation({
    summary:
      "The network's redirect back: exchanges the code; a wrong, expired or used state, or another browser's, " +
      'is refused and stores nothing. A browser (Accept: text/html) is sent on to the console: ' +
      '/channels?outcome=connected&channel=<id>, or outcome=expired | state-refused | network-refused | failed',
  })
  @QuerySchema(OAuthCallbackQuery)
  @ResponseSchema(200, ChannelResponse, 'The channel, connected (to a client that does not accept HTML)')
  @ApiSeeOtherResponse({ description: 'A browser: to the console channels page with the outcome' })
  @BadRequestDoc()
  async callback(
    @ValidQuery(OAuthCallbackQuery) query: OAuthCallbackQuery,
    @Req() request: FastifyRequest,
    // Not passthrough: the answer is a redirect or JSON, chosen here.
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const browserNonce = parseCookies(request.headers.cookie)[this.cookies.oauthFor(query.state)];
    const browser = (request.headers.accept ?? '').includes('text/html');
    try {
      const channel: Channel = await this.commands.execute(
        new CompleteChannelAuthorizationCommand(query.state, browserNonce, query.code, query.error),
      );
      // Spent. Not cleared on a refusal: a forged callback must not break this browser's flow in progress.
      addCookies(reply, [
        cookieLine(this.cookies, this.cookies.oauthFor(query.state), '', {
          maxAge: 0,
          httpOnly: true,
          sameSite: 'Lax',
          overHttps: request.protocol === 'https',
        }),
      ]);
      if (browser) {
        await this.toConsole(reply, { outcome: 'connected', channel: channel.id });
        return;
      }
      await reply.status(200).send(channelResponse(channel.snapshot()));
    } catch (error) {
      const answer = channelHttpError(error);
      if (browser && answer instanceof HttpException) {
        await this.toConsole(reply, { outcome: callbackOutcomeOf(error) });
        return;
      }
      throw answer;
    }
  }

  private async toConsole(reply: FastifyReply, query: Record<string, string>): Promise<void> {
    const base = (this.publicUrl ?? '').replace(/\/$/, '');
    await reply
      .status(303)
      .header('location', `${base}${CHANNELS_PAGE_PATH}?${new URLSearchParams(query).toString()}`)
      .send();
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

/** What the console's channels page tells the person, from why the callback failed. */
function callbackOutcomeOf(error: unknown): string {
  if (error instanceof OAuthStateRefusedError) {
    return error.reason === 'expired' ? 'expired' : 'state-refused';
  }
  return error instanceof NetworkRefusedConnectionError ? 'network-refused' : 'failed';
}
