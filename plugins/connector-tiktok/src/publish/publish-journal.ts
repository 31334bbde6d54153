const MAX_ENTRIES = 5000;

/**
 * The latest attempt at one idempotency key, as far as TikTok's init goes: `sent` while init has no answer (it
 * may have created a publish), `created` once TikTok named its publish_id, `refused` when init surely created
 * nothing that can publish (an error answer, a refused connection, a FILE_UPLOAD never uploaded).
 */
export type JournalEntry = {
  readonly accountId: string;
  readonly startedAt: string;
  readonly mode: 'direct' | 'inbox';
} & (
  | { readonly state: 'sent' }
  | { readonly state: 'created'; readonly publishId: string }
  | { readonly state: 'refused' }
);

/**
 * What this process knows of each publish it started, by idempotency key. TikTok has no idempotency key, and
 * the publish_id is the handle of a post in flight (network-apis.md 7.7): reconciliation asks its status before
 * looking through recent videos. Each attempt replaces the last one's entry before its init is sent, so an
 * earlier attempt's publish_id (FAILED, say) never answers for a later attempt that may have posted. It lives
 * in memory: after a restart, reconciliation falls back to the video list.
 */
export class PublishJournal {
  private readonly entries = new Map<string, JournalEntry>();

  record(idempotencyKey: string, entry: JournalEntry): void {
    this.entries.delete(idempotencyKey);
    this.entries.set(idempotencyKey, entry);
    if (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  find(idempotencyKey: string, accountId: string): JournalEntry | undefined {
    const entry = this.entries.get(idempotencyKey);
    return entry?.accountId === accountId ? entry : undefined;
  }
}
