/** URNs in paths and queries are URL-encoded (network-apis.md 6.1). */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn);
}

/** Rest.li `List(a,b)` with encoded items. */
export function restliList(urns: readonly string[]): string {
  return `List(${urns.map(encodeUrn).join(',')})`;
}

export function postPermalink(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}`;
}

export function isOrganization(urn: string): boolean {
  return urn.startsWith('urn:li:organization:');
}

/** `urn:li:comment:(urn:li:share:1,42)` → the post and the comment id, or null. */
export function parseCommentUrn(urn: string): { post: string; id: string } | null {
  const match = /^urn:li:comment:\((urn:li:[a-zA-Z]+:[^,]+),([^)]+)\)$/u.exec(urn);
  return match ? { post: match[1]!, id: match[2]! } : null;
}

/** Where a comment is seen: its post's page, scrolled to the comment. */
export function commentPermalink(postUrn: string, commentUrn: string): string {
  return `${postPermalink(postUrn)}?commentUrn=${encodeURIComponent(commentUrn)}`;
}
