import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createOAuthState, createPkcePair } from '@chorus/connector-sdk';
import { ChannelInputError, NetworkRefusedConnectionError } from '../../../domain/channel/channel.errors.js';
import { OAUTH_AUTHORIZATION_STORE, OUTBOUND_TARGETS } from '../../../gateway.tokens.js';
import { assertPublicUrlParams, type OutboundTargets } from '../../ports/outbound-targets.port.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { connectorErrorKind } from '../../channels/connector-failure.mapper.js';
import {
  pendingBinding,
  type OAuthAuthorizationStore,
  type PendingSecret,
} from '../../ports/oauth-authorization-store.port.js';
import {
  StartChannelAuthorizationCommand,
  type AuthorizationStarted,
} from './start-channel-authorization.command.js';

/** How long a person has to approve on the network before the state is refused. */
export const AUTHORIZATION_LIFETIME_MS = 10 * 60 * 1000;

/** The stored key of an authorization: the state bound to the browser that started it. */
export function stateHashOf(state: string, browserNonce: string): string {
  return createHash('sha256').update(`${state}\n${browserNonce}`).digest('base64url');
}

@CommandHandler(StartChannelAuthorizationCommand)
export class StartChannelAuthorizationHandler implements ICommandHandler<StartChannelAuthorizationCommand> {
  constructor(
    private readonly access: ChannelAccess,
    @Inject(OAUTH_AUTHORIZATION_STORE) private readonly store: OAuthAuthorizationStore,
    @Inject(OUTBOUND_TARGETS) private readonly outbound: OutboundTargets,
  ) {}

  async execute(command: StartChannelAuthorizationCommand): Promise<AuthorizationStarted> {
    const vault = this.access.vault();
    const connector = this.access.connector(command.network);
    const oauth2 = connector.auth.oauth2;
    if (oauth2 === undefined || !connector.manifest.capabilities.auth.methods.includes('oauth2')) {
      throw new ChannelInputError(
        'network',
        `The ${command.network} connector does not connect through OAuth`,
      );
    }
    // The connector will call what the member typed (their server): refuse internal addresses (ADR 0018).
    await assertPublicUrlParams(this.outbound, command.params);
    const state = createOAuthState();
    const pkce = createPkcePair();
    const started = await oauth2
      .start({
        redirectUri: command.redirectUri,
        state,
        codeChallenge: pkce.challenge,
        params: command.params,
      })
      .catch((error: unknown) => {
        if (connectorErrorKind(error) === 'invalid-content') {
          throw new ChannelInputError('params', (error as Error).message);
        }
        if (connectorErrorKind(error) === 'reauth-required') {
          throw new NetworkRefusedConnectionError((error as Error).message);
        }
        throw error;
      });
    const stateHash = stateHashOf(state, command.browserNonce);
    const secret: PendingSecret = { codeVerifier: pkce.verifier, pending: started.pending };
    const expiresAt = new Date(Date.now() + AUTHORIZATION_LIFETIME_MS);
    await this.store.add({
      stateHash,
      tenantId: command.tenantId,
      workspaceId: command.workspaceId,
      memberId: command.memberId,
      network: command.network,
      redirectUri: command.redirectUri,
      sealed: vault.seal(JSON.stringify(secret), pendingBinding(command.tenantId, stateHash)),
      expiresAt,
    });
    return { authorizeUrl: started.url, state, expiresAt };
  }
}
