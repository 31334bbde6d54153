/** What a link card shows, read from a page's OpenGraph tags (or its title and description). */
export interface PageMetadata {
  readonly title: string | null;
  readonly description: string | null;
  readonly imageUrl: string | null;
}

const META = /<meta\s[^>]*>/giu;
const ATTRIBUTE = /([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)')/gu;
const TITLE = /<title[^>]*>([^<]*)<\/title>/iu;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function pageMetadata(html: string, pageUrl: string): PageMetadata {
  const meta = new Map<string, string>();
  for (const tag of html.match(META) ?? []) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(ATTRIBUTE)) {
      attributes.set(match[1]!.toLowerCase(), decode(match[3] ?? match[4] ?? ''));
    }
    const key = attributes.get('property') ?? attributes.get('name');
    const content = attributes.get('content');
    if (key && content !== undefined && !meta.has(key.toLowerCase())) {
      meta.set(key.toLowerCase(), content.trim());
    }
  }
  const title =
    meta.get('og:title') ?? meta.get('twitter:title') ?? decode(TITLE.exec(html)?.[1] ?? '').trim();
  const description =
    meta.get('og:description') ?? meta.get('twitter:description') ?? meta.get('description');
  const image = meta.get('og:image') ?? meta.get('twitter:image');
  return {
    title: title || null,
    description: description || null,
    imageUrl: image && URL.canParse(image, pageUrl) ? new URL(image, pageUrl).toString() : null,
  };
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (entity, name: string) => {
    if (/^#x/iu.test(name)) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(Number(name.slice(1)));
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}
