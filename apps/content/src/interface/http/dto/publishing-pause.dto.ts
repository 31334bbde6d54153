import { z } from 'zod';
import type { PublishingPause } from '../../../domain/publishing/publishing-pause.value-object.js';

const OnResume = z
  .enum(['publish', 'reschedule'])
  .describe(
    'What happens to posts that fell due during the pause: publish them as soon as publishing resumes, or ' +
      'move each by the length of the pause',
  );

export const PauseBody = z.object({
  reason: z.string().trim().min(1).max(500).describe('Why, shown to the team, e.g. "Crisis: product recall"'),
  onResume: OnResume.default('publish'),
});
export type PauseBody = z.infer<typeof PauseBody>;

export const PublishingSettingsDto = z.object({
  crisisOnResume: OnResume.describe(
    'When a crisis that paused publishing ends (CrisisResolved), what happens to the posts it held: publish ' +
      'them at once, or move each by the length of the pause. A person resuming chooses for themselves.',
  ),
});
export type PublishingSettingsDto = z.infer<typeof PublishingSettingsDto>;

export const ResumeBody = z.object({
  onResume: OnResume.optional().describe('Overrides the choice made when pausing'),
});
export type ResumeBody = z.infer<typeof ResumeBody>;

export const PublishingPauseDto = z.object({
  paused: z.boolean(),
  reason: z.string().nullable(),
  crisisId: z.uuid().nullable(),
  pausedAt: z.iso.datetime().nullable(),
  pausedBy: z.uuid().nullable(),
  onResume: OnResume.nullable(),
  held: z.int().describe('Posts due since the pause began, held until it ends'),
});

export const ResumeResultDto = z.object({
  resumed: z.boolean().describe('false: publishing was not paused'),
  held: z.int().describe('Held posts now published or rescheduled'),
});

export function toPauseDto(pause: PublishingPause | null): z.infer<typeof PublishingPauseDto> {
  return pause === null
    ? { paused: false, reason: null, crisisId: null, pausedAt: null, pausedBy: null, onResume: null, held: 0 }
    : {
        paused: true,
        reason: pause.reason,
        crisisId: pause.crisisId,
        pausedAt: pause.pausedAt.toISOString(),
        pausedBy: pause.pausedBy,
        onResume: pause.onResume,
        held: pause.held,
      };
}
