/** The channel is not in this workspace (or another agency's): answered 404, never 403. */
export class ChannelNotFoundError extends Error {
  constructor(channelId: string) {
    super(`No channel ${channelId} in this workspace`);
    this.name = 'ChannelNotFoundError';
  }
}

/** An OAuth callback whose state is unknown, already used or expired: nothing is stored. */
export class OAuthStateRefusedError extends Error {
  constructor(readonly reason: 'unknown-or-used' | 'expired' | 'other-browser') {
    super(
      reason === 'expired'
        ? 'This authorization expired (10 minutes); start connecting the channel again'
        : reason === 'other-browser'
          ? 'This browser did not start this authorization (its cookie is missing), or it was already used: ' +
            'start connecting the channel again in this browser'
          : 'Unknown or already used state, or started in another browser: start connecting the channel again',
    );
    this.name = 'OAuthStateRefusedError';
  }
}

/** The request cannot be served as given; `field` names the input at fault. */
export class ChannelInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelInputError';
  }
}

/** The network refused the credentials (a wrong app password, a refused code): nothing is stored. */
export class NetworkRefusedConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkRefusedConnectionError';
  }
}

/** The channel cannot serve credentials now: it waits for a member to reconnect it, or was disconnected. */
export class ChannelUnavailableError extends Error {
  constructor(
    readonly channelId: string,
    readonly state: string,
  ) {
    super(`Channel ${channelId} is ${state}: a member must reconnect it`);
    this.name = 'ChannelUnavailableError';
  }
}

/** Two connections of one account in one workspace raced; the first won. */
export class ChannelConnectedMeanwhileError extends Error {
  constructor() {
    super('This account was connected to the workspace meanwhile; reload the channels');
    this.name = 'ChannelConnectedMeanwhileError';
  }
}

/** Channel connections need the token vault, which the host configures from CHORUS_VAULT_MASTER_KEYS. */
export class VaultNotConfiguredError extends Error {
  constructor() {
    super('Channel connections are off: the token vault has no master key (set CHORUS_VAULT_MASTER_KEYS)');
    this.name = 'VaultNotConfiguredError';
  }
}
