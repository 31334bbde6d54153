import type { Facet } from '../xrpc/lexicon.js';
import { detectRichText } from './detect-rich-text.js';
import { utf8Range } from './utf8-offsets.js';

/** Resolves a handle to its DID; undefined when nobody has that handle. */
export type HandleResolver = (handle: string) => Promise<string | undefined>;

/**
 * The facets of a text: links, hashtags, and mentions of handles that resolve to a DID. A mention of a handle
 * nobody has stays plain text, as in the Bluesky app.
 */
export async function buildFacets(text: string, resolve: HandleResolver): Promise<Facet[]> {
  const spans = detectRichText(text);
  const handles = [...new Set(spans.flatMap((span) => (span.kind === 'mention' ? [span.handle] : [])))];
  const dids = new Map<string, string | undefined>(
    await Promise.all(handles.map(async (handle) => [handle, await resolve(handle)] as const)),
  );
  const facets: Facet[] = [];
  for (const span of spans) {
    const index = utf8Range(text, span.start, span.end);
    switch (span.kind) {
      case 'link':
        facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: span.uri }] });
        break;
      case 'tag':
        facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: span.tag }] });
        break;
      case 'mention': {
        const did = dids.get(span.handle);
        if (did) {
          facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
        }
        break;
      }
    }
  }
  return facets;
}
