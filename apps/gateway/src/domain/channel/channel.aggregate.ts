import { ChannelConnectedEvent } from './events/channel-connected.event.js';
import { ChannelDisconnectedEvent } from './events/channel-disconnected.event.js';
import { ChannelReauthRequiredEvent, type ReauthCode } from './events/channel-reauth-required.event.js';

export const CHANNEL_STATES = ['connected', 'reauth-required', 'disconnected'] as const;
export type ChannelState = (typeof CHANNEL_STATES)[number];

/** Who the account is on the network, as the connector reported it at connection time. */
export interface ChannelAccount {
  /** `Credentials.accountId`: the community service routes webhooks by it (ADR 0008). */
  readonly remoteId: string;
  readonly handle: string;
  readonly displayName: string;
  readonly avatarUrl: string | null;
}

export interface ChannelProps {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  /** The connector id the host loaded (the manifest's network by default). */
  readonly network: string;
  readonly account: ChannelAccount;
  readonly state: ChannelState;
  readonly scopes: readonly string[];
  readonly tokenExpiresAt: Date | null;
  /** Why a member must reconnect; null when connected. */
  readonly stateReason: string | null;
  readonly connectedById: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a fresh set of credentials says about the grant (never the tokens themselves). */
export interface Grant {
  readonly scopes: readonly string[];
  readonly expiresAt: Date | null;
}

/**
 * One connected account, page or profile on a network, owned by a workspace. Its tokens are not here: they live
 * sealed in the token vault, next to the row, and never leave the gateway but through the credentials API.
 */
export class Channel {
  private readonly events: object[] = [];

  private constructor(private props: ChannelProps) {}

  static connect(input: {
    id: string;
    tenantId: string;
    workspaceId: string;
    network: string;
    account: ChannelAccount;
    grant: Grant;
    connectedById: string;
    capabilities: readonly string[];
    now: Date;
  }): Channel {
    const channel = new Channel({
      id: input.id,
      tenantId: input.tenantId,
      workspaceId: input.workspaceId,
      network: input.network,
      account: input.account,
      state: 'connected',
      scopes: [...input.grant.scopes],
      tokenExpiresAt: input.grant.expiresAt,
      stateReason: null,
      connectedById: input.connectedById,
      createdAt: input.now,
      updatedAt: input.now,
    });
    channel.events.push(new ChannelConnectedEvent(channel.props, input.connectedById, input.capabilities));
    return channel;
  }

  static restore(props: ChannelProps): Channel {
    return new Channel(props);
  }

  get id(): string {
    return this.props.id;
  }

  get state(): ChannelState {
    return this.props.state;
  }

  snapshot(): ChannelProps {
    return this.props;
  }

  /** The same account connected again (a reconnect, or connecting it twice): fresh grant, connected. */
  reconnect(input: {
    account: ChannelAccount;
    grant: Grant;
    connectedById: string;
    capabilities: readonly string[];
    now: Date;
  }): void {
    this.props = {
      ...this.props,
      account: input.account,
      state: 'connected',
      scopes: [...input.grant.scopes],
      tokenExpiresAt: input.grant.expiresAt,
      stateReason: null,
      connectedById: input.connectedById,
      updatedAt: input.now,
    };
    this.events.push(new ChannelConnectedEvent(this.props, input.connectedById, input.capabilities));
  }

  /** New tokens from a refresh: no event, nobody needs to know. */
  refreshed(grant: Grant, now: Date): void {
    this.props = {
      ...this.props,
      scopes: [...grant.scopes],
      tokenExpiresAt: grant.expiresAt,
      updatedAt: now,
    };
  }

  /** The network no longer accepts the tokens; once per lapse (a second report changes nothing). */
  requireReauth(code: ReauthCode, message: string, now: Date): boolean {
    if (this.props.state !== 'connected') {
      return false;
    }
    this.props = { ...this.props, state: 'reauth-required', stateReason: message, updatedAt: now };
    this.events.push(new ChannelReauthRequiredEvent(this.props, code, message));
    return true;
  }

  disconnect(by: string, now: Date): boolean {
    if (this.props.state === 'disconnected') {
      return false;
    }
    this.props = {
      ...this.props,
      state: 'disconnected',
      stateReason: null,
      tokenExpiresAt: null,
      updatedAt: now,
    };
    this.events.push(new ChannelDisconnectedEvent(this.props, 'disconnected-by-member', by));
    return true;
  }

  pendingEvents(): readonly object[] {
    return [...this.events];
  }

  clearPendingEvents(): void {
    this.events.length = 0;
  }
}
