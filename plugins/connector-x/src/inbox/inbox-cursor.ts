/** Where the last pull stopped: the newest mention id (`since_id`) and the newest direct-message event id. */
export interface InboxCursor {
  readonly mentions?: string;
  /**
   * A mentions scan that hit the page cap: the `pagination_token` to read its older pages with the same
   * `since_id`, and the newest id it saw, which becomes `mentions` once the scan reaches `since_id`.
   */
  readonly mentionsPage?: string;
  readonly mentionsNewest?: string;
  readonly messages?: string;
}

export function readCursor(cursor: string | null): InboxCursor {
  if (!cursor) {
    return {};
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const id = (value: unknown) => (typeof value === 'string' && /^\d+$/u.test(value) ? value : undefined);
    const token = (value: unknown) =>
      typeof value === 'string' && /^[\w-]{1,200}$/u.test(value) ? value : undefined;
    const page = token(parsed.mp);
    return {
      mentions: id(parsed.m),
      ...(page ? { mentionsPage: page, mentionsNewest: id(parsed.mn) } : {}),
      messages: id(parsed.d),
    };
  } catch {
    return {};
  }
}

export function writeCursor(cursor: InboxCursor): string {
  return Buffer.from(
    JSON.stringify({
      m: cursor.mentions,
      mp: cursor.mentionsPage,
      mn: cursor.mentionsPage ? cursor.mentionsNewest : undefined,
      d: cursor.messages,
    }),
  ).toString('base64url');
}

/** Compares 64-bit decimal ids without losing precision. */
export function newerId(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) {
    return b;
  }
  if (b === undefined) {
    return a;
  }
  return BigInt(a) >= BigInt(b) ? a : b;
}
