/**
 * Mentions are written `@<member id>` in a comment's body: the console offers the workspace's members (from the
 * gateway's member list) and inserts the id; content never resolves names itself (docs/adr/0022).
 */
const MENTION = /@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

export const MAX_MENTIONS = 20;

/** The distinct members a body mentions, in order of first mention, lower-cased. */
export function mentionsIn(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase()))];
}
