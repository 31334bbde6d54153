const MAX_REMEMBERED = 500;

export interface UploadSession {
  readonly uri: string;
  readonly totalBytes: number;
  readonly startedAt: string;
}

/**
 * Resumable session URIs by publish idempotency key (network-apis.md 8.6: the session URI is YouTube's only
 * idempotency handle). Kept before any byte is sent, so that a publish retried with the same key resumes the
 * upload instead of creating a second video, and findPublished can ask the session whether it completed.
 * Held in memory: a restarted process falls back to the uploads-playlist lookup.
 */
export class UploadSessions {
  private readonly byKey = new Map<string, UploadSession>();

  get(key: string): UploadSession | undefined {
    return this.byKey.get(key);
  }

  remember(key: string, session: UploadSession): void {
    this.byKey.set(key, session);
    if (this.byKey.size > MAX_REMEMBERED) {
      this.byKey.delete(this.byKey.keys().next().value!);
    }
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }
}
