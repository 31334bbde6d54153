import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Connector } from '@chorus/connector-sdk';
import { CHANNEL_CONNECTORS, TOKEN_VAULT } from '../../gateway.tokens.js';
import { ChannelInputError, VaultNotConfiguredError } from '../../domain/channel/channel.errors.js';
import type { ChannelConnectors } from '../ports/channel-connectors.port.js';
import type { TokenVault } from '../ports/token-vault.port.js';

/** The vault and the connectors the host gave, or a precise refusal when it gave none. */
@Injectable()
export class ChannelAccess {
  constructor(
    @Optional() @Inject(TOKEN_VAULT) private readonly tokenVault: TokenVault | undefined,
    @Optional() @Inject(CHANNEL_CONNECTORS) private readonly connectors: ChannelConnectors | undefined,
  ) {}

  get configured(): boolean {
    return this.tokenVault !== undefined;
  }

  vault(): TokenVault {
    if (this.tokenVault === undefined) {
      throw new VaultNotConfiguredError();
    }
    return this.tokenVault;
  }

  connector(network: string, field = 'network'): Connector {
    if (this.connectors === undefined || !this.connectors.has(network)) {
      throw new ChannelInputError(field, `No connector "${network}" is loaded (see CHORUS_CONNECTORS_FILE)`);
    }
    return this.connectors.connector(network);
  }
}
