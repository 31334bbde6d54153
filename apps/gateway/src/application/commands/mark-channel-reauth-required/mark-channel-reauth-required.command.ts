import type { ReauthCode } from '../../../domain/channel/events/channel-reauth-required.event.js';
import type { StoredChannel } from '../../ports/channel-repository.port.js';

/**
 * The network no longer accepts the channel's credentials. Runs inside the caller's transaction, which holds
 * the channel's row lock; the sealed credentials are kept (a member reconnects, or support looks at them).
 */
export class MarkChannelReauthRequiredCommand {
  constructor(
    readonly stored: StoredChannel,
    readonly code: ReauthCode,
    readonly message: string,
  ) {}
}
