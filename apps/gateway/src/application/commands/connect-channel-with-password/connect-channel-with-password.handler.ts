import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OUTBOUND_TARGETS } from '../../../gateway.tokens.js';
import { assertPublicUrlParams, type OutboundTargets } from '../../ports/outbound-targets.port.js';
import type { Channel } from '../../../domain/channel/channel.aggregate.js';
import { ChannelInputError } from '../../../domain/channel/channel.errors.js';
import { ChannelAccess } from '../../channels/channel-access.adapter.js';
import { RecordChannelConnectionCommand } from '../record-channel-connection/record-channel-connection.command.js';
import { connectorErrorKind } from '../../channels/connector-failure.mapper.js';
import { ConnectChannelWithPasswordCommand } from './connect-channel-with-password.command.js';

/** App passwords (Bluesky): the network opens a session with it first; only a working session is stored. */
@CommandHandler(ConnectChannelWithPasswordCommand)
export class ConnectChannelWithPasswordHandler implements ICommandHandler<ConnectChannelWithPasswordCommand> {
  constructor(
    private readonly access: ChannelAccess,
    private readonly commands: CommandBus,
    @Inject(OUTBOUND_TARGETS) private readonly outbound: OutboundTargets,
  ) {}

  async execute(command: ConnectChannelWithPasswordCommand): Promise<Channel> {
    this.access.vault();
    const connector = this.access.connector(command.network);
    const password = connector.auth.password;
    const methods = connector.manifest.capabilities.auth.methods;
    if (password === undefined || !(methods.includes('app-password') || methods.includes('token'))) {
      throw new ChannelInputError(
        'network',
        `The ${command.network} connector does not connect with an app password`,
      );
    }
    // A self-hosted server the member names is called from inside the installation (ADR 0018).
    await assertPublicUrlParams(this.outbound, command.params);
    const credentials = await password
      .login({ identifier: command.identifier, password: command.password, params: command.params })
      .catch((error: unknown) => {
        const kind = connectorErrorKind(error);
        if (kind === 'reauth-required' || kind === 'invalid-content') {
          throw new ChannelInputError('password', `The network refused it: ${(error as Error).message}`);
        }
        throw error;
      });
    return this.commands.execute(
      new RecordChannelConnectionCommand(
        command.tenantId,
        command.workspaceId,
        command.memberId,
        command.network,
        credentials,
      ),
    );
  }
}
