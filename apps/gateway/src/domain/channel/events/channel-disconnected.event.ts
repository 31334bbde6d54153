import type { ChannelProps } from '../channel.aggregate.js';

export class ChannelDisconnectedEvent {
  constructor(
    readonly channel: ChannelProps,
    readonly reason: 'disconnected-by-member' | 'revoked-on-network' | 'account-removed-on-network',
    readonly disconnectedById: string | null,
  ) {}
}
