/**
 * Where the comment inbox stands: the newest `publishedAt` delivered and the ids delivered at exactly that
 * instant (several comments can share a second). Opaque to the host: base64url JSON.
 */
export interface InboxCursor {
  readonly since: string | null;
  readonly ids: readonly string[];
}

export function readCursor(cursor: string | null): InboxCursor {
  if (!cursor) {
    return { since: null, ids: [] };
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<InboxCursor>;
    return {
      since: typeof parsed.since === 'string' ? parsed.since : null,
      ids: Array.isArray(parsed.ids) ? parsed.ids.filter((id): id is string => typeof id === 'string') : [],
    };
  } catch {
    // A cursor this connector did not write: start from now rather than replay the whole channel.
    return { since: new Date().toISOString(), ids: [] };
  }
}

export function writeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}
