import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { HumanText, Id, Instant, NetworkId } from '../shared/primitives.js';
import { ChannelAccountV1 } from './channel-account.v1.js';

/** A channel's authorisation has lapsed or will soon; a member must reconnect it. */
export const channelReauthRequiredV1 = defineEvent({
  type: 'ChannelReauthRequired',
  version: 1,
  source: 'gateway',
  payload: z
    .object({
      channelId: Id,
      network: NetworkId,
      account: ChannelAccountV1,
      reason: z.object({
        code: z.enum([
          'token-expired',
          'access-revoked',
          'permissions-changed',
          'password-changed',
          'unknown',
        ]),
        message: HumanText.describe('What went wrong, for the member who will reconnect'),
      }),
      mustReconnectBy: Instant.nullable().describe('When it stops working; null when it already has'),
    })
    .describe('Ask a member to reconnect the channel. Never carries tokens'),
});

export type ChannelReauthRequiredV1 = PayloadOf<typeof channelReauthRequiredV1>;
