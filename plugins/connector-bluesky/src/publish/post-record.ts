import type { BlueskyPostSettings } from '../config.js';
import type { Embed, Facet, PostRecord, ReplyRef } from '../xrpc/lexicon.js';

export interface PostContent {
  readonly text: string;
  readonly facets: readonly Facet[];
  readonly embed?: Embed;
  readonly reply?: ReplyRef;
}

/** An app.bsky.feed.post record with the per-post settings (languages, self-label). */
export function postRecord(
  content: PostContent,
  settings: BlueskyPostSettings,
  createdAt: string,
): PostRecord {
  return {
    $type: 'app.bsky.feed.post',
    text: content.text,
    createdAt,
    ...(content.facets.length > 0 ? { facets: content.facets } : {}),
    ...(content.embed ? { embed: content.embed } : {}),
    ...(content.reply ? { reply: content.reply } : {}),
    ...(settings.languages && settings.languages.length > 0 ? { langs: settings.languages } : {}),
    ...(settings.contentWarning
      ? {
          labels: {
            $type: 'com.atproto.label.defs#selfLabels',
            values: [{ val: settings.contentWarning }],
          },
        }
      : {}),
  };
}
