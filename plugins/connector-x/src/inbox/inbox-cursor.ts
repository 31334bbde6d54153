/** Where the last pull stopped: the newest mention id (`since_id`) and the newest direct-message event id. */
export interface InboxCursor {
  readonly mentions?: string;
  readonly messages?: string;
}

export function readCursor(cursor: string | null): InboxCursor {
  if (!cursor) {
    return {};
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const id = (value: unknown) => (typeof value === 'string' && /^\d+$/u.test(value) ? value : undefined);
    return { mentions: id(parsed.m), messages: id(parsed.d) };
  } catch {
    return {};
  }
}

export function writeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify({ m: cursor.mentions, d: cursor.messages })).toString('base64url');
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
