import type { MediaLimits } from '@chorus/connector-sdk';
import type { ContentType, ResolvedTarget } from './post-content.value-object.js';

/** What a connector's manifest says it publishes, reduced to what content types need. */
export interface PublishProfile {
  readonly displayName: string;
  /** The manifest's capabilities.publish.kinds. */
  readonly kinds: readonly string[];
  readonly maxMediaItems: number;
  /** The values of a `placement` setting in the manifest's postSettingsSchema (Instagram: feed, story). */
  readonly placements: readonly string[];
  /** The manifest's media limits, for per-network derivatives (media library); absent: none are made. */
  readonly media?: MediaLimits | null;
}

export interface ContentTypeProblem {
  readonly field: string;
  readonly problem: string;
}

/**
 * Whether the network has this content type, and whether the target's media make one. Stories exist where the
 * connector offers a `story` placement; a reel is one video on a network that publishes video.
 */
export function checkContentType(
  type: ContentType,
  target: ResolvedTarget,
  profile: PublishProfile,
): ContentTypeProblem[] {
  const has = (kind: string) => profile.kinds.includes(kind);
  const images = target.media.filter((m) => m.kind !== 'video').length;
  const videos = target.media.filter((m) => m.kind === 'video').length;
  const problems: ContentTypeProblem[] = [];
  const refuse = (problem: string) => problems.push({ field: 'contentType', problem });
  switch (type) {
    case 'text':
    case 'link':
      break;
    case 'image':
      if (!has('image')) {
        refuse(`${profile.displayName} does not publish images`);
      } else if (images === 0) {
        problems.push({ field: 'media', problem: 'an image post needs an image' });
      }
      break;
    case 'carousel':
      if (!has('image') || profile.maxMediaItems < 2) {
        refuse(`${profile.displayName} has no carousels`);
      } else if (target.media.length < 2) {
        problems.push({ field: 'media', problem: 'a carousel needs at least 2 media' });
      }
      break;
    case 'video':
    case 'reel':
      if (!has('video')) {
        refuse(`${profile.displayName} does not publish ${type === 'reel' ? 'reels' : 'videos'}`);
      } else if (videos !== 1 || target.media.length !== 1) {
        problems.push({ field: 'media', problem: `a ${type} needs exactly one video` });
      }
      break;
    case 'story':
      if (!profile.placements.includes('story')) {
        refuse(`${profile.displayName} has no stories`);
      } else if (target.media.length === 0) {
        problems.push({ field: 'media', problem: 'a story needs media' });
      }
      break;
  }
  return problems;
}
