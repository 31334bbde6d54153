import {
  SharedCalls,
  type Credentials,
  type Limits,
  type MediaRule,
  type TextRule,
} from '@chorus/connector-sdk';
import { accountRef } from '../api/account-ref.js';
import type { MastodonInstance } from '../api/entities.js';
import type { MastodonDeps } from '../mastodon-deps.js';

const TTL_MS = 60 * 60 * 1000;

const RETRY_AFTER_FAILURE_MS = 60 * 1000;

/**
 * Each server's own limits from /api/v2/instance, cached for an hour; the manifest's defaults when it says
 * nothing. Calls that miss the cache together share one read (a burst of posts on one server would otherwise
 * each fetch it, and meet the server's rate limit for anonymous calls); after a failed read the defaults are
 * used for a minute before reading again.
 */
export class InstanceLimits {
  private readonly cache = new Map<string, { limits: Limits; expiresAt: number }>();
  private readonly reads = new SharedCalls<Limits>();

  constructor(
    private readonly deps: MastodonDeps,
    private readonly defaults: Limits,
  ) {}

  async for(credentials: Credentials): Promise<Limits> {
    const { instanceUrl } = accountRef(credentials);
    const cached = this.cache.get(instanceUrl);
    if (cached && cached.expiresAt > this.deps.context.clock.now().getTime()) {
      return cached.limits;
    }
    return this.reads.run(instanceUrl, () => this.read(instanceUrl));
  }

  private async read(instanceUrl: string): Promise<Limits> {
    const now = this.deps.context.clock.now().getTime();
    try {
      const { body } = await this.deps.anonymous(instanceUrl).call<MastodonInstance>({
        operation: 'limits',
        endpoint: 'instance',
        path: '/api/v2/instance',
        anonymous: true,
      });
      const limits = limitsFromInstance(body, this.defaults);
      this.cache.set(instanceUrl, { limits, expiresAt: now + TTL_MS });
      return limits;
    } catch (error) {
      // Validation must not depend on this call: the server applies its own limits anyway.
      this.deps.context.logger.warn('could not read the instance limits; using the defaults', {
        instanceUrl,
        error,
      });
      this.cache.set(instanceUrl, { limits: this.defaults, expiresAt: now + RETRY_AFTER_FAILURE_MS });
      return this.defaults;
    }
  }
}

export function limitsFromInstance(instance: MastodonInstance, defaults: Limits): Limits {
  const statuses = instance.configuration?.statuses ?? {};
  const media = instance.configuration?.media_attachments ?? {};
  const polls = instance.configuration?.polls ?? {};
  const textRule = (rule: TextRule): TextRule => ({
    ...rule,
    max: statuses.max_characters ?? rule.max,
    urlLength: statuses.characters_reserved_per_url ?? rule.urlLength,
  });
  const mimeTypes = media.supported_mime_types;
  const mediaRule = (
    rule: MediaRule | undefined,
    accepts: (type: string) => boolean,
    size?: number,
    matrix?: number,
  ) => {
    if (!rule) {
      return undefined;
    }
    const supported = mimeTypes?.filter(accepts);
    return {
      ...rule,
      mimeTypes: supported && supported.length > 0 ? supported : rule.mimeTypes,
      maxBytes: size ?? rule.maxBytes,
      maxPixels: matrix ?? rule.maxPixels,
      altText:
        rule.altText && media.description_limit
          ? { ...rule.altText, text: [{ ...rule.altText.text[0]!, max: media.description_limit }] }
          : rule.altText,
    };
  };
  const baseMedia = defaults.media;
  return {
    ...defaults,
    text: defaults.text.map(textRule),
    firstComment: defaults.firstComment ? { text: defaults.firstComment.text.map(textRule) } : undefined,
    media: baseMedia && {
      ...baseMedia,
      maxItems: statuses.max_media_attachments ?? baseMedia.maxItems,
      image: mediaRule(
        baseMedia.image,
        (type) => type.startsWith('image/') && type !== 'image/gif',
        media.image_size_limit,
        media.image_matrix_limit,
      ),
      gif: mediaRule(
        baseMedia.gif,
        (type) => type === 'image/gif',
        media.image_size_limit,
        media.image_matrix_limit,
      ),
      video: mediaRule(
        baseMedia.video,
        (type) => type.startsWith('video/'),
        media.video_size_limit,
        media.video_matrix_limit,
      ),
    },
    poll: defaults.poll && {
      ...defaults.poll,
      maxOptions: polls.max_options ?? defaults.poll.maxOptions,
      option: defaults.poll.option.map((rule) => ({
        ...rule,
        max: polls.max_characters_per_option ?? rule.max,
      })),
      minDurationSeconds: polls.min_expiration ?? defaults.poll.minDurationSeconds,
      maxDurationSeconds: polls.max_expiration ?? defaults.poll.maxDurationSeconds,
    },
  };
}
