import { z } from 'zod';

/** The UTM tags Chorus added to a post's link, so analytics can attribute visits to it. */
export const UtmSchema = z.object({
  source: z.string().min(1),
  medium: z.string().min(1),
  campaign: z.string().min(1),
  term: z.string().min(1).nullable(),
  content: z.string().min(1).nullable(),
});

export type Utm = z.infer<typeof UtmSchema>;
