/** Where the bytes of media assets live: local disk embedded, object storage distributed. */
export interface MediaStorage {
  /** Stores the bytes under the key, whole or not at all (a reader never sees half a file). */
  write(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  read(key: string): Promise<Buffer | null>;
  /** Removes the key and everything under it (`key/...`); nothing there is fine. */
  remove(key: string): Promise<void>;
}
