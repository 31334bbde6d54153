import type { ChannelRef } from '../../ports/channel-repository.port.js';

/** Renew the channel's tokens if they expire before `dueBefore`. */
export class RefreshChannelCredentialsCommand {
  constructor(
    readonly ref: ChannelRef,
    readonly dueBefore: Date,
  ) {}
}

/**
 * 'busy': another refresh holds the claim (another instance, the sweep); 'fenced': the network renewed the
 * tokens but the row changed meanwhile (reconnected, disconnected), so the result was not written.
 */
export type RefreshOutcome =
  'refreshed' | 'not-due' | 'busy' | 'fenced' | 'not-refreshable' | 'reauth-required' | 'not-found';

/** Longer than any connector call may take (60 s): a claim older than this belongs to a crashed instance. */
export const REFRESH_CLAIM_TTL_MS = 5 * 60_000;
