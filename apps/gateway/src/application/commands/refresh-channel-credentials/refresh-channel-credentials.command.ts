import type { ChannelRef } from '../../ports/channel-repository.port.js';

/** Renew the channel's tokens if they expire before `dueBefore`. */
export class RefreshChannelCredentialsCommand {
  constructor(
    readonly ref: ChannelRef,
    readonly dueBefore: Date,
  ) {}
}

export type RefreshOutcome = 'refreshed' | 'not-due' | 'not-refreshable' | 'reauth-required' | 'not-found';
