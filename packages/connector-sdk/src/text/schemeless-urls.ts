import { COUNTRY_TLDS, GENERIC_TLDS } from './url-tlds.js';

export interface SchemelessMatch {
  readonly start: number;
  /** Where the URL ends before trailing punctuation is taken off. */
  readonly end: number;
  readonly hasPath: boolean;
}

const byLength = (tlds: readonly string[]) => [...tlds].sort((a, b) => b.length - a.length).join('|');
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
// twitter-text: no URL right after a letter, digit, @, $, # or -_./ (an e-mail, a cashtag, a path); the TLD ends
// at a character that cannot continue a host name.
const SCHEMELESS = new RegExp(
  `(?<![a-z0-9@\\uFF20$#\\uFF03\\-_./])((?:${LABEL}\\.)+)(${byLength(GENERIC_TLDS)}|${byLength(COUNTRY_TLDS)})` +
    `(?![a-z0-9@+\\-_])((?::\\d{1,5})?(?:/[^\\s<>"'\`]*)?)`,
  'giu',
);
const COUNTRY = new Set<string>(COUNTRY_TLDS);
// twitter-text's validSpecialCCTLD: `t.co`, `name.tv` are URLs even bare.
const SPECIAL_SHORT = new Set(['co', 'tv']);

/**
 * URLs without http(s):// as twitter-text finds them: `example.com`, `www.x.co/p`. A bare `name.cc` (one label
 * and a country code, no path: `example.jp`, `example.io`) is not one, except for .co and .tv.
 */
export function findSchemelessUrls(text: string): SchemelessMatch[] {
  const matches: SchemelessMatch[] = [];
  for (const match of text.matchAll(SCHEMELESS)) {
    const labels = match[1]!;
    const tld = match[2]!.toLowerCase();
    const path = match[3]!;
    const shortCountry =
      COUNTRY.has(tld) && !SPECIAL_SHORT.has(tld) && labels.split('.').length === 2 && path === '';
    if (shortCountry) {
      continue;
    }
    matches.push({ start: match.index, end: match.index + match[0].length, hasPath: path !== '' });
  }
  return matches;
}
