import { z } from 'zod';
import type { CampaignProps } from '../../../domain/campaign.aggregate.js';

export const CampaignDto = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
});

export type CampaignDto = z.infer<typeof CampaignDto>;

export const CampaignListDto = z.object({ items: z.array(CampaignDto) });

export function toCampaignDto(p: CampaignProps): CampaignDto {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    name: p.name,
    description: p.description,
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
  };
}
