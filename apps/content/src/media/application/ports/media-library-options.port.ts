/** How a host sets up the media library. */
export interface MediaLibraryOptions {
  /** Local disk storage: files go under this directory (embedded mode: `<data dir>/media`). */
  readonly storageDir?: string;
  /**
   * Signs the public media and calendar-feed URLs (at least 32 bytes). Keep it across restarts, or URLs already
   * handed to networks and calendar apps stop working.
   */
  readonly signingKey?: Buffer;
  /** Where the content API is reached from outside, e.g. https://chorus.example.com/api/content. */
  readonly publicUrl?: string;
  /** The largest upload accepted, in bytes (default 100 MiB). */
  readonly maxUploadBytes?: number;
  /** How long a signed media URL stays valid after it is made, or after the post's publish time (default 7 days). */
  readonly urlLifetimeSeconds?: number;
}
