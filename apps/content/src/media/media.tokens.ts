export const MEDIA_REPOSITORY = Symbol('content:media-repository');
export const MEDIA_STORAGE_PORT = Symbol('content:media-storage');
export const IMAGE_TRANSFORMER = Symbol('content:image-transformer');
export const MEDIA_URLS = Symbol('content:media-urls');
/**
 * Provided by the host (MediaLibraryOptions): where files are kept, the key that signs public URLs and the
 * address networks reach. Absent, files go under the system's temporary directory with a key made at boot.
 */
export const MEDIA_LIBRARY_OPTIONS = Symbol.for('@chorus/content:media-library-options');
/** Optional: a MediaStorage of the host's (object storage); absent, local disk under `storageDir`. */
export const MEDIA_STORAGE = Symbol.for('@chorus/content:media-storage');
