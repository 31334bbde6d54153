import type { ContentChannel } from './content-channel.entity.js';
import type { ContentProblem } from './content.errors.js';

export function channelLabel(channel: ContentChannel): string {
  return `${channel.displayName || channel.handle} (${channel.network} ${channel.handle})`;
}

export interface TargetChannels {
  /** Per target, its channel; null when the target names no channel of this workspace. */
  readonly channels: (ContentChannel | null)[];
  readonly problems: ContentProblem[];
}

/**
 * The workspace's channel for each target, or a problem naming the target: unknown, of another workspace, or
 * targeted twice. `found` are the tenant's channels with these ids (row-level security hides other agencies').
 */
export function matchTargetChannels(
  found: readonly ContentChannel[],
  workspaceId: string,
  channelIds: readonly string[],
): TargetChannels {
  const byId = new Map(found.map((c) => [c.channelId, c] as const));
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  const channels = channelIds.map((channelId, index) => {
    const field = `targets.${index}.channelId`;
    if (seen.has(channelId)) {
      problems.push({
        field,
        problem: `channel ${channelId} is targeted twice; a post goes once to a channel`,
      });
      return null;
    }
    seen.add(channelId);
    const channel = byId.get(channelId);
    if (channel === undefined) {
      problems.push({ field, problem: `no channel ${channelId} is connected to this workspace` });
      return null;
    }
    if (channel.workspaceId !== workspaceId) {
      problems.push({ field, problem: `channel ${channelId} belongs to another workspace` });
      return null;
    }
    return channel;
  });
  return { channels, problems };
}
