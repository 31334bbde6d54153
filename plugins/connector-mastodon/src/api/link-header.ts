/** The URLs of a Link header by relation: Mastodon pages with rel="next" (older) and rel="prev" (newer). */
export function parseLinkHeader(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) {
    return links;
  }
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([a-z]+)"?/iu.exec(part.trim());
    if (match) {
      links[match[2]!.toLowerCase()] = match[1]!;
    }
  }
  return links;
}
