import type { ChannelProps } from '../channel.aggregate.js';

export class ChannelConnectedEvent {
  constructor(
    readonly channel: ChannelProps,
    readonly connectedById: string,
    readonly capabilities: readonly string[],
  ) {}
}
