import { z } from 'zod';

export const ListKpiTrackersParams = z.strictObject({
  goalId: z.uuid().optional().describe("Only this goal's tracker"),
});

export type ListKpiTrackersParams = z.infer<typeof ListKpiTrackersParams>;
