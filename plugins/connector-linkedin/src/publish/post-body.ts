import type { PostInput } from '@chorus/connector-sdk';
import { escapeLittleText } from '../api/little-text.js';
import { linkedinPostSettingsSchema } from '../config.js';

const POLL_DURATIONS: Record<number, string> = {
  86_400: 'ONE_DAY',
  259_200: 'THREE_DAYS',
  604_800: 'SEVEN_DAYS',
  1_209_600: 'FOURTEEN_DAYS',
};

export function pollDuration(seconds: number): string | undefined {
  return POLL_DURATIONS[seconds];
}

export const POLL_DURATION_SECONDS = Object.keys(POLL_DURATIONS).map(Number);

/**
 * The commentary LinkedIn receives: the text in little-text format with reserved characters escaped. A link
 * that cannot be a card (the post has media) goes at the end of the text.
 */
export function commentaryOf(post: PostInput): string {
  const linkInText = post.link && (post.media?.length ?? 0) > 0 && !post.text.includes(post.link.url);
  return escapeLittleText(linkInText ? `${post.text}\n\n${post.link.url}` : post.text);
}

/** `POST /rest/posts` body (network-apis.md 6.3); `mediaUrns` are the uploaded media, in order. */
export function postBody(
  author: string,
  post: PostInput,
  mediaUrns: readonly string[],
): Record<string, unknown> {
  const settings = linkedinPostSettingsSchema.parse(post.settings ?? {});
  return {
    author,
    commentary: commentaryOf(post),
    visibility: settings.visibility,
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    ...contentOf(post, mediaUrns, settings),
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
  };
}

function contentOf(
  post: PostInput,
  mediaUrns: readonly string[],
  settings: ReturnType<typeof linkedinPostSettingsSchema.parse>,
): { content?: Record<string, unknown> } {
  const media = post.media ?? [];
  if (media.length === 1) {
    return {
      content: { media: { id: mediaUrns[0], ...(media[0]!.altText ? { altText: media[0]!.altText } : {}) } },
    };
  }
  if (media.length > 1) {
    return {
      content: {
        multiImage: {
          images: media.map((item, index) => ({
            id: mediaUrns[index],
            ...(item.altText ? { altText: item.altText } : {}),
          })),
        },
      },
    };
  }
  if (post.poll) {
    return {
      content: {
        poll: {
          question: settings.pollQuestion ?? post.text,
          options: post.poll.options.map((text) => ({ text })),
          settings: { duration: pollDuration(post.poll.durationSeconds) },
        },
      },
    };
  }
  if (post.link) {
    return {
      content: {
        article: {
          source: post.link.url,
          title: settings.linkTitle ?? post.link.url,
          ...(settings.linkDescription ? { description: settings.linkDescription } : {}),
        },
      },
    };
  }
  return {};
}
