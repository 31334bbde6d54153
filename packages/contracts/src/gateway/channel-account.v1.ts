import { z } from 'zod';

// Who the channel is on the network, so consumers can name it to people without asking the gateway.
// Identity only: tokens and other secrets stay in the gateway's vault and never travel on the bus.
export const ChannelAccountV1 = z.object({
  remoteId: z.string().min(1).describe("The account's id on the network"),
  handle: z.string().min(1).describe("e.g. '@chorus.bsky.social'"),
  displayName: z.string(),
});
