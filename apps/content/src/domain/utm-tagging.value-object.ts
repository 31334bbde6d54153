import { findUrls } from '@chorus/connector-sdk';
import type { UtmValues } from './utm-scheme.value-object.js';

const PARAMETERS = [
  ['utm_source', 'source'],
  ['utm_medium', 'medium'],
  ['utm_campaign', 'campaign'],
  ['utm_content', 'content'],
] as const;

/**
 * Adds the UTM parameters to one URL. A parameter the URL already has is left as the author wrote it (they
 * may tag a link on purpose); the fragment stays last; the rest of the query keeps its order and spelling.
 */
export function tagUrl(url: string, values: UtmValues): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const beforeFragment = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = beforeFragment.indexOf('?');
  const base = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeFragment.slice(queryAt + 1);
  const present = new Set(
    query
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => safeDecode(pair.split('=')[0]!).toLowerCase()),
  );
  const added = PARAMETERS.filter(([name, key]) => !present.has(name) && values[key] !== null).map(
    ([name, key]) => `${name}=${encodeURIComponent(values[key]!)}`,
  );
  if (added.length === 0) {
    return url;
  }
  const kept = query.replace(/&+$/, '');
  const joined = kept === '' ? added.join('&') : `${kept}&${added.join('&')}`;
  return `${base}?${joined}${fragment}`;
}

/** Every http(s) link of a text, tagged; the text around them is unchanged. */
export function tagLinks(text: string, values: UtmValues): string {
  let result = '';
  let last = 0;
  for (const match of findUrls(text)) {
    result += text.slice(last, match.start) + tagUrl(match.url, values);
    last = match.end;
  }
  return result + text.slice(last);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
