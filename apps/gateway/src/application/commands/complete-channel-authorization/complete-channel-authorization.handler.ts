import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Channel } from '../../../domain/channel/channel.aggregate.js';
import {
  ChannelInputError,
  NetworkRefusedConnectionError,
  OAuthStateRefusedError,
} from '../../../domain/channel/channel.errors.js';
import { OAUTH_AUTHORIZATION_STORE } from '../../../gateway.tokens.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { RecordChannelConnectionCommand } from '../record-channel-connection/record-channel-connection.command.js';
import { connectorErrorKind } from '../../channels/connector-failure.mapper.js';
import {
  pendingBinding,
  type OAuthAuthorizationStore,
  type PendingSecret,
} from '../../ports/oauth-authorization-store.port.js';
import { stateHashOf } from '../start-channel-authorization/start-channel-authorization.handler.js';
import { CompleteChannelAuthorizationCommand } from './complete-channel-authorization.command.js';

/**
 * The state is consumed first (one DELETE ... RETURNING): unknown, used or expired states are refused before
 * the network is called, and a second callback with the same state finds nothing. The row is found by the hash
 * of the state with the browser's nonce, so a state alone (leaked, or a victim lured to an attacker's callback
 * URL) matches nothing and consumes nothing (ADR 0017).
 */
@CommandHandler(CompleteChannelAuthorizationCommand)
export class CompleteChannelAuthorizationHandler implements ICommandHandler<CompleteChannelAuthorizationCommand> {
  constructor(
    private readonly access: ChannelAccess,
    private readonly commands: CommandBus,
    @Inject(OAUTH_AUTHORIZATION_STORE) private readonly store: OAuthAuthorizationStore,
  ) {}

  async execute(command: CompleteChannelAuthorizationCommand): Promise<Channel> {
    const vault = this.access.vault();
    if (command.browserNonce === undefined) {
      throw new OAuthStateRefusedError('other-browser');
    }
    const pending = await this.store.consume(stateHashOf(command.state, command.browserNonce));
    if (pending === null) {
      throw new OAuthStateRefusedError('unknown-or-used');
    }
    if (pending.expiresAt.getTime() <= Date.now()) {
      throw new OAuthStateRefusedError('expired');
    }
    if (command.error !== undefined) {
      throw new NetworkRefusedConnectionError(`The network did not authorize Chorus: ${command.error}`);
    }
    if (command.code === undefined) {
      throw new ChannelInputError('code', 'The callback carries no authorization code');
    }
    const secret = JSON.parse(
      vault.open(pending.sealed, pendingBinding(pending.tenantId, pending.stateHash)),
    ) as PendingSecret;
    const oauth2 = this.access.connector(pending.network).auth.oauth2!;
    const credentials = await oauth2
      .exchange({
        code: command.code,
        redirectUri: pending.redirectUri,
        codeVerifier: secret.codeVerifier,
        pending: secret.pending,
      })
      .catch((error: unknown) => {
        if (
          connectorErrorKind(error) === 'reauth-required' ||
          connectorErrorKind(error) === 'invalid-content'
        ) {
          throw new NetworkRefusedConnectionError((error as Error).message);
        }
        throw error;
      });
    return this.commands.execute(
      new RecordChannelConnectionCommand(
        pending.tenantId,
        pending.workspaceId,
        pending.memberId,
        pending.network,
        credentials,
      ),
    );
  }
}
