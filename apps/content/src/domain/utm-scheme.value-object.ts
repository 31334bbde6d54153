import { InvalidContentInputError } from './content.errors.js';

/**
 * How Chorus tags a post's links, per workspace. Each value is a template: `{network}`, `{campaign}`, `{post}`
 * and `{channel}` are replaced for each target; an empty result drops that parameter.
 */
export interface UtmScheme {
  readonly enabled: boolean;
  readonly source: string;
  readonly medium: string;
  readonly campaign: string;
  readonly content: string;
}

export const DEFAULT_UTM_SCHEME: UtmScheme = {
  enabled: true,
  source: '{network}',
  medium: 'social',
  campaign: '{campaign}',
  content: '{post}',
};

const PLACEHOLDER = /\{(\w+)\}/g;
const KNOWN = new Set(['network', 'campaign', 'post', 'channel']);

export interface UtmContext {
  readonly network: string;
  readonly channelId: string;
  readonly postId: string;
  /** The campaign's name, slugged by the caller; null when the post has none. */
  readonly campaign: string | null;
}

export interface UtmValues {
  readonly source: string | null;
  readonly medium: string | null;
  readonly campaign: string | null;
  readonly content: string | null;
}

export function checkUtmScheme(scheme: UtmScheme): UtmScheme {
  for (const key of ['source', 'medium', 'campaign', 'content'] as const) {
    for (const match of scheme[key].matchAll(PLACEHOLDER)) {
      if (!KNOWN.has(match[1]!)) {
        throw InvalidContentInputError.of(
          key,
          `unknown placeholder {${match[1]}}; use {network}, {campaign}, {post} or {channel}`,
        );
      }
    }
  }
  return scheme;
}

/** The scheme's values for one target. */
export function utmValuesFor(scheme: UtmScheme, context: UtmContext): UtmValues {
  const fill = (template: string): string | null => {
    const value = template
      .replace(PLACEHOLDER, (_m, name: string) => {
        switch (name) {
          case 'network':
            return context.network;
          case 'campaign':
            return context.campaign ?? '';
          case 'post':
            return context.postId;
          default:
            return context.channelId;
        }
      })
      .trim();
    return value === '' ? null : value;
  };
  return {
    source: fill(scheme.source),
    medium: fill(scheme.medium),
    campaign: fill(scheme.campaign),
    content: fill(scheme.content),
  };
}

/** A campaign name as a UTM value: lower case, words joined by dashes ("Spring Launch 2027" -> "spring-launch-2027"). */
export function utmSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
