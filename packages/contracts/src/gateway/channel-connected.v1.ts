import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { Id, NetworkId, Slug } from '../shared/primitives.js';
import { ChannelAccountV1 } from './channel-account.v1.js';

/** A member connected an account, page or profile on a network to the workspace. */
export const channelConnectedV1 = defineEvent({
  type: 'ChannelConnected',
  version: 1,
  source: 'gateway',
  payload: z
    .object({
      channelId: Id,
      network: NetworkId,
      account: ChannelAccountV1,
      avatarUrl: z.url().nullable(),
      capabilities: z
        .array(Slug)
        .describe("Connector capabilities granted for this channel, e.g. ['publish', 'inbox', 'insights']"),
      connectedById: Id.describe('The member who connected it'),
    })
    .describe('A channel is ready to use. Never carries tokens'),
});

export type ChannelConnectedV1 = PayloadOf<typeof channelConnectedV1>;
