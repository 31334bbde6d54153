import { AmbiguousError, RetriableError, z, type Credentials } from '@chorus/connector-sdk';
import { videoResource, type VideoResource } from '../api/youtube-schemas.js';
import type { YoutubeDeps } from '../youtube-deps.js';

export interface VideoBytes {
  readonly data: Uint8Array;
  readonly mimeType: string;
}

export type SessionState =
  | { readonly kind: 'complete'; readonly video: VideoResource }
  | { readonly kind: 'incomplete'; readonly nextByte: number }
  | { readonly kind: 'expired' };

// 5xx answers to a chunk: the chunk may be partly stored; the session says how much (8.2 step 3).
const SERVER_ERRORS = [500, 502, 503, 504];

/** Starts a resumable session (8.2 step 1); answers the session URI from `Location`. */
export async function startSession(
  deps: YoutubeDeps,
  credentials: Credentials,
  resource: unknown,
  video: VideoBytes,
  notifySubscribers: boolean,
): Promise<string> {
  const answer = await deps.api.exchange(
    {
      operation: 'publish',
      endpoint: 'videos.insert',
      quota: 'videos.insert',
      method: 'POST',
      url: `${deps.uploadUrl}/videos`,
      query: {
        uploadType: 'resumable',
        part: 'snippet,status,contentDetails',
        notifySubscribers: String(notifySubscribers),
      },
      headers: {
        'x-upload-content-length': String(video.data.byteLength),
        'x-upload-content-type': video.mimeType,
      },
      json: resource,
      token: credentials.accessToken,
    },
    z.unknown(),
  );
  const location = answer.headers.get('location');
  if (!location) {
    throw new AmbiguousError(
      'YouTube started no upload session (no Location header in its answer); nothing was uploaded, but the session may exist.',
      { endpoint: 'videos.insert' },
    );
  }
  return new URL(location, deps.uploadUrl).toString();
}

/** Asks a session how far it got (8.2 step 3): `PUT` with `Content-Range: bytes *\/N` and no body. */
export async function probeSession(
  deps: YoutubeDeps,
  credentials: Credentials,
  uri: string,
  total: number,
  operation: 'publish' | 'findPublished' = 'publish',
): Promise<SessionState> {
  const answer = await deps.api.exchange(
    {
      operation,
      endpoint: 'videos.upload',
      method: 'PUT',
      url: uri,
      headers: { 'content-range': `bytes */${total}` },
      bytes: new Uint8Array(0),
      token: credentials.accessToken,
      accept: [308, 404, 410],
    },
    videoResource,
  );
  if (answer.status === 404 || answer.status === 410) {
    return { kind: 'expired' };
  }
  if (answer.status === 308) {
    return { kind: 'incomplete', nextByte: nextByte(answer.headers.get('range')) };
  }
  return { kind: 'complete', video: answer.data! };
}

/**
 * Sends the bytes from `from` in chunks of `chunkBytes` (multiples of 256 KiB) until YouTube answers with the
 * video. A `308` moves on from its `Range`. A 5xx may have stored the chunk, even the last one (and so created
 * the video): the session is probed after every one and says where it stands; only when it says "incomplete"
 * `chunkRetries` times in a row does the upload stop, as retriable (no video exists, the kept session resumes).
 * A `404`/`410` is an expired session: nothing was created, a retry starts over (8.2 step 3). Anything else (a
 * timeout, a reset connection, a quota answer) ends the call with the session kept, so a publish retried with
 * the same idempotency key resumes it.
 */
export async function uploadFrom(
  deps: YoutubeDeps,
  credentials: Credentials,
  uri: string,
  video: VideoBytes,
  from: number,
): Promise<VideoResource> {
  const total = video.data.byteLength;
  const { chunkBytes, chunkRetries } = deps.config;
  let offset = from;
  let failures = 0;
  for (;;) {
    const end = Math.min(offset + chunkBytes, total);
    const answer = await deps.api.exchange(
      {
        operation: 'publish',
        endpoint: 'videos.upload',
        method: 'PUT',
        url: uri,
        headers: {
          'content-type': video.mimeType,
          'content-range': total === 0 ? `bytes */0` : `bytes ${offset}-${end - 1}/${total}`,
        },
        bytes: video.data.subarray(offset, end),
        token: credentials.accessToken,
        accept: [308, 404, 410, ...SERVER_ERRORS],
      },
      videoResource,
    );
    if (answer.status === 200 || answer.status === 201) {
      return answer.data!;
    }
    if (answer.status === 308) {
      offset = nextByte(answer.headers.get('range'));
      failures = 0;
      continue;
    }
    if (answer.status === 404 || answer.status === 410) {
      throw sessionExpired();
    }
    failures += 1;
    await deps.context.clock.sleep(2 ** (failures - 1) * 1000);
    const state = await probeSession(deps, credentials, uri, total);
    if (state.kind === 'complete') {
      return state.video;
    }
    if (state.kind === 'expired') {
      throw sessionExpired();
    }
    if (failures > chunkRetries) {
      throw new RetriableError(
        `YouTube failed ${failures} times in a row (HTTP ${answer.status}) while receiving the video, and the upload session says it is incomplete (no video exists yet); the session is kept and a retry resumes it.`,
        { endpoint: 'videos.upload' },
      );
    }
    offset = state.nextByte;
  }
}

const sessionExpired = () =>
  new RetriableError(
    'The YouTube upload session expired before the video was complete; no video was created. Publishing again starts a new upload.',
    { endpoint: 'videos.upload' },
  );

/** The byte after `Range: bytes=0-<last>`; no Range means nothing was stored. */
function nextByte(range: string | null): number {
  const last = range ? /bytes=0-(\d+)/u.exec(range)?.[1] : undefined;
  return last === undefined ? 0 : Number(last) + 1;
}
