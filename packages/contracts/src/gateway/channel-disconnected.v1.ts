import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id, NetworkId } from '../shared/primitives.js';
import { ChannelAccountV1 } from './channel-account.v1.js';

/** A channel can no longer be used: a member removed it, or the network revoked or deleted the account. */
export const channelDisconnectedV1 = defineEvent({
  type: 'ChannelDisconnected',
  version: 1,
  source: 'gateway',
  payload: z
    .object({
      channelId: Id,
      network: NetworkId,
      account: ChannelAccountV1,
      reason: z.enum(['disconnected-by-member', 'revoked-on-network', 'account-removed-on-network']),
      disconnectedById: Id.nullable().describe('The member who disconnected it; null when the network did'),
    })
    .describe('Stop publishing to, and reading from, this channel'),
});

export type ChannelDisconnectedV1 = PayloadOf<typeof channelDisconnectedV1>;
