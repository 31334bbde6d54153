import { z } from 'zod';
import type { ContentChannel } from '../../../domain/content-channel.entity.js';

export const ChannelDto = z.object({
  channelId: z.uuid(),
  network: z.string(),
  handle: z.string(),
  displayName: z.string(),
  status: z.enum(['connected', 'disconnected', 'reauth-required']),
  mustReconnectBy: z.iso.datetime().nullable(),
});

export const ChannelListDto = z.object({ items: z.array(ChannelDto) });

export function toChannelDto(c: ContentChannel): z.infer<typeof ChannelDto> {
  return {
    channelId: c.channelId,
    network: c.network,
    handle: c.handle,
    displayName: c.displayName,
    status: c.status,
    mustReconnectBy: c.mustReconnectBy?.toISOString() ?? null,
  };
}
