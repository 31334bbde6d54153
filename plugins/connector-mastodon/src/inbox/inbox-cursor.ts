/** The inbox cursor is the id of the newest notification seen, prefixed so that a future format can differ. */
export function encodeCursor(notificationId: string): string {
  return `n1:${notificationId}`;
}

export function decodeCursor(cursor: string | null): string | null {
  if (cursor === null) {
    return null;
  }
  return cursor.startsWith('n1:') ? cursor.slice(3) : null;
}
