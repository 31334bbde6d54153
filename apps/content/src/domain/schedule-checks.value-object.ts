import type { MediaInput, PostInput } from '@chorus/connector-sdk';
import { findUrls } from '@chorus/connector-sdk';
import { checkBrandVoice } from './brand-voice-check.value-object.js';
import type { BrandVoice } from './brand-voice.value-object.js';
import type { ContentChannel } from './content-channel.entity.js';
import type { ContentProblem } from './content.errors.js';
import { checkContentType } from './content-type.value-object.js';
import type { PostProps, PostSchedule } from './post.aggregate.js';
import { resolveTarget, type MediaRef, type ResolvedTarget } from './post-content.value-object.js';
import type { AppliedUtm, RenderedTarget } from './rendered-target.value-object.js';
import { tagLinks } from './utm-tagging.value-object.js';
import { utmSlug, utmValuesFor, type UtmScheme } from './utm-scheme.value-object.js';
import type { PublishConnectors } from './publish-connector.value-object.js';
import { channelLabel } from './target-channels.value-object.js';
import { isKnownTimeZone } from './time-zone.value-object.js';

export interface ScheduleContext {
  readonly channels: readonly (ContentChannel | null)[];
  readonly connectors: PublishConnectors;
  readonly voice: BrandVoice | null;
  readonly utmScheme: UtmScheme;
  readonly campaignName: string | null;
  readonly now: Date;
}

export interface ScheduleReport {
  /** Each one stops the post from being scheduled. */
  readonly problems: ContentProblem[];
  /** Shown to the writer; never in the way. */
  readonly warnings: ContentProblem[];
  readonly targets: RenderedTarget[];
}

/** The schedule itself: a known zone and a moment still ahead. */
export function checkSchedule(schedule: PostSchedule, now: Date): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!isKnownTimeZone(schedule.timeZone)) {
    problems.push({
      field: 'timeZone',
      problem: `unknown time zone "${schedule.timeZone}"; use an IANA name such as Europe/Rome`,
    });
  }
  if (schedule.publishAt.getTime() <= now.getTime()) {
    problems.push({
      field: 'publishAt',
      problem: `${schedule.publishAt.toISOString()} is in the past (now ${now.toISOString()}); pick a later time`,
    });
  }
  return problems;
}

/**
 * Everything that must hold before a post goes on the calendar, for every target: its channel connected (and
 * still authorised at the publish time), its network's content type, the connector's own validation of the
 * variant as it will be sent (links tagged), and the brand's voice. Renders each target on the way.
 */
export async function checkTargets(
  post: PostProps,
  publishAt: Date,
  context: ScheduleContext,
): Promise<ScheduleReport> {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const targets: RenderedTarget[] = [];
  if (post.targets.length === 0) {
    problems.push({ field: 'targets', problem: 'add at least one channel before scheduling' });
  }
  for (const [index, target] of post.targets.entries()) {
    const channel = context.channels[index] ?? null;
    const at = (field: string) => `targets.${index}${field === '' ? '' : `.${field}`}`;
    if (channel === null) {
      continue; // matchTargetChannels named it already
    }
    const label = channelLabel(channel);
    if (channel.status === 'disconnected') {
      problems.push({
        field: at('channelId'),
        problem: `${label} is disconnected; reconnect it or remove it`,
      });
      continue;
    }
    if (
      channel.status === 'reauth-required' &&
      (channel.mustReconnectBy === null || channel.mustReconnectBy.getTime() <= publishAt.getTime())
    ) {
      problems.push({
        field: at('channelId'),
        problem: `${label} must be reconnected before it can publish${channel.mustReconnectBy === null ? '' : ` (by ${channel.mustReconnectBy.toISOString()})`}`,
      });
      continue;
    }
    const connector = context.connectors.find(channel.network);
    if (connector === undefined) {
      problems.push({
        field: at('channelId'),
        problem: `${label}: no ${channel.network} connector is loaded in this Chorus`,
      });
      continue;
    }
    const resolved = resolveTarget(post.master, target);
    for (const p of checkContentType(post.contentType, resolved, connector.profile)) {
      problems.push({ field: at(p.field), problem: `${label}: ${p.problem}` });
    }
    const rendered = render(post, resolved, channel, context);
    const input = postInputOf(rendered, connector.profile.kinds);
    for (const issue of await connector.validate(input)) {
      const limit = issue.limit === undefined ? '' : ` (limit ${String(issue.limit)})`;
      problems.push({ field: at(issue.path.join('.')), problem: `${label}: ${issue.message}${limit}` });
    }
    if (context.voice !== null) {
      for (const finding of checkBrandVoice(rendered.text, rendered.firstComment, context.voice)) {
        const entry = { field: at('text'), problem: `${label}: ${finding.message}` };
        (finding.severity === 'blocking' ? problems : warnings).push(entry);
      }
    }
    targets.push(rendered);
  }
  return { problems, warnings, targets };
}

function render(
  post: PostProps,
  target: ResolvedTarget,
  channel: ContentChannel,
  context: ScheduleContext,
): RenderedTarget {
  const values = utmValuesFor(context.utmScheme, {
    network: channel.network,
    channelId: channel.channelId,
    postId: post.id,
    campaign: context.campaignName === null ? null : utmSlug(context.campaignName),
  });
  const tag = (text: string) => (context.utmScheme.enabled ? tagLinks(text, values) : text);
  const utm: AppliedUtm | null =
    context.utmScheme.enabled && values.source !== null && values.medium !== null && values.campaign !== null
      ? { source: values.source, medium: values.medium, campaign: values.campaign, content: values.content }
      : null;
  const settings =
    post.contentType === 'story' ? { ...target.settings, placement: 'story' } : target.settings;
  return {
    targetId: target.targetId,
    channelId: channel.channelId,
    network: channel.network,
    contentType: post.contentType,
    text: tag(target.text),
    firstComment: target.firstComment === null ? null : tag(target.firstComment),
    thread: target.thread.map((item) => ({ text: tag(item.text), media: item.media })),
    media: target.media,
    settings,
    utm,
  };
}

function mediaInput(ref: MediaRef): MediaInput {
  return {
    kind: ref.kind,
    mimeType: ref.mimeType,
    source: { kind: 'url', url: ref.url },
    ...(ref.sizeBytes === null ? {} : { sizeBytes: ref.sizeBytes }),
    ...(ref.width === null ? {} : { width: ref.width }),
    ...(ref.height === null ? {} : { height: ref.height }),
    ...(ref.durationSeconds === null ? {} : { durationSeconds: ref.durationSeconds }),
    ...(ref.altText === null ? {} : { altText: ref.altText }),
  };
}

/** What a connector needs of a target to send it (a RenderedTarget, or the PostScheduled payload publishing keeps). */
export type PublishableTarget = Pick<
  RenderedTarget,
  'text' | 'media' | 'thread' | 'firstComment' | 'settings'
> & {
  readonly contentType: string;
};

/** The target as a connector's PostInput; a link post shows its first link as a card where the network has cards. */
export function postInputOf(target: PublishableTarget, kinds: readonly string[]): PostInput {
  const firstLink = findUrls(target.text)[0]?.url;
  return {
    text: target.text,
    ...(target.media.length === 0 ? {} : { media: target.media.map(mediaInput) }),
    ...(target.thread.length === 0
      ? {}
      : { thread: target.thread.map((item) => ({ text: item.text, media: item.media.map(mediaInput) })) }),
    ...(target.firstComment === null ? {} : { firstComment: { text: target.firstComment } }),
    ...(target.contentType === 'link' && firstLink !== undefined && kinds.includes('link')
      ? { link: { url: firstLink } }
      : {}),
    settings: target.settings,
  };
}
