/**
 * How long a text is for each network, counted the way that network counts it, for the composer's live
 * counters. The counting itself is the connectors' own (`countText` of @chorus/connector-sdk/text, the code
 * that validates a post before it is sent); only the rules are data here. The API exposes no connector
 * manifest yet, so TEXT_RULES copies each manifest's post-text rules (`limits.text` of
 * plugins/connector-<network>/src/manifest.ts); network-counting.spec.ts fails when a copy drifts from its
 * manifest (keyed by the manifest's `network`, which is what a channel reports). It is a guide while typing: scheduling checks every text against the connector's own rule and
 * names the limit when one is over (POST /posts/{id}/schedule answers 400).
 */
import { countText, type CountingMethod, type TextRule } from '@chorus/connector-sdk/text';

/** A manifest's text rule as written there (the SDK fills the defaults when it parses a manifest). */
export type NetworkTextRule = Pick<TextRule, 'counting' | 'max'> &
  Partial<
    Pick<TextRule, 'urlLength' | 'schemelessUrls' | 'normalization' | 'ignoreMentionDomains' | 'weights'>
  >;

/** twitter-text v3: Latin to Tibetan and some punctuation weigh 1, other code points 2, an emoji 2. */
const X_WEIGHTS: TextRule['weights'] = {
  default: 2,
  emoji: 2,
  ranges: [
    { from: 0, to: 4351, weight: 1 },
    { from: 8192, to: 8205, weight: 1 },
    { from: 8208, to: 8223, weight: 1 },
    { from: 8242, to: 8247, weight: 1 },
  ],
};

/** The post-text rules of each connector's manifest; every rule must hold. */
export const TEXT_RULES: Readonly<Record<string, readonly NetworkTextRule[]>> = {
  'x-twitter': [
    {
      counting: 'weighted',
      max: 280,
      urlLength: 23,
      schemelessUrls: true,
      normalization: 'NFC',
      weights: X_WEIGHTS,
    },
  ],
  bluesky: [
    { counting: 'graphemes', max: 300 },
    { counting: 'utf8-bytes', max: 3000 },
  ],
  mastodon: [{ counting: 'graphemes', max: 500, urlLength: 23, ignoreMentionDomains: true }],
  threads: [{ counting: 'weighted', max: 500, weights: { default: 1, ranges: [], emoji: 'utf8-bytes' } }],
  'facebook-pages': [{ counting: 'utf16', max: 63_206 }],
  instagram: [{ counting: 'utf16', max: 2_200 }],
  linkedin: [{ counting: 'utf16', max: 3_000 }],
  pinterest: [{ counting: 'utf16', max: 800 }],
  reddit: [{ counting: 'utf16', max: 40_000 }],
  tiktok: [{ counting: 'utf16', max: 4_000 }],
  youtube: [{ counting: 'utf8-bytes', max: 5_000 }],
};

/** One rule's count of a text. */
export interface RuleCount {
  readonly counting: CountingMethod;
  readonly length: number;
  readonly max: number;
}

/** The text counted under each of the network's rules (none when the console does not know the network). */
export function countFor(network: string, text: string): RuleCount[] {
  return (TEXT_RULES[network] ?? []).map((rule) => ({
    counting: rule.counting,
    length: countText(text, rule),
    max: rule.max,
  }));
}

/** Whether any count is over its limit. */
export function isOver(counts: readonly RuleCount[]): boolean {
  return counts.some((count) => count.length > count.max);
}
