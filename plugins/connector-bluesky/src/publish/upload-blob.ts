import { AmbiguousError, RetriableError, readMediaBytes, type MediaInput } from '@chorus/connector-sdk';
import type { BlueskyDeps } from '../bluesky-deps.js';
import type { BlobRef } from '../xrpc/lexicon.js';
import type { XrpcClient } from '../xrpc/xrpc-client.js';

/**
 * Uploads bytes to the account's PDS. Blobs are content-addressed and unused ones are garbage-collected, so an
 * upload that failed in any way published nothing and may simply be repeated.
 */
export async function uploadBlob(xrpc: XrpcClient, data: Uint8Array, contentType: string): Promise<BlobRef> {
  try {
    const { blob } = await xrpc.call<{ blob: BlobRef }>({
      operation: 'publish',
      endpoint: 'blobs.upload',
      nsid: 'com.atproto.repo.uploadBlob',
      method: 'POST',
      bytes: { data, contentType },
    });
    return blob;
  } catch (error) {
    throw error instanceof AmbiguousError
      ? new RetriableError(`${error.message}; an upload publishes nothing, so retrying is safe`, {
          cause: error,
          endpoint: error.endpoint,
        })
      : error;
  }
}

export async function uploadMediaBlob(
  deps: BlueskyDeps,
  xrpc: XrpcClient,
  media: MediaInput,
): Promise<BlobRef> {
  const bytes = await readMediaBytes(deps.context.http, media);
  return uploadBlob(xrpc, bytes, media.mimeType);
}
