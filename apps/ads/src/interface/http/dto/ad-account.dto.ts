import { z } from 'zod';
import type { AdAccountProps } from '../../../domain/ad-account.aggregate.js';

export const AdAccountDto = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  network: z.string(),
  externalId: z.string(),
  name: z.string(),
  currency: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
});

export type AdAccountDto = z.infer<typeof AdAccountDto>;

export const AdAccountListDto = z.object({ items: z.array(AdAccountDto) });

export function toAdAccountDto(p: AdAccountProps): AdAccountDto {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    network: p.network,
    externalId: p.externalId,
    name: p.name,
    currency: p.currency,
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
  };
}
