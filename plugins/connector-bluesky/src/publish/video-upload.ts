import {
  InvalidContentError,
  RateLimitedError,
  RetriableError,
  readMediaBytes,
  type MediaInput,
} from '@chorus/connector-sdk';
import type { BlueskyAccount } from '../auth/account-ref.js';
import type { BlueskyDeps } from '../bluesky-deps.js';
import type { BlobRef } from '../xrpc/lexicon.js';
import type { XrpcClient } from '../xrpc/xrpc-client.js';
import { uploadBlob } from './upload-blob.js';

interface JobStatus {
  readonly jobId: string;
  readonly state: string;
  readonly blob?: BlobRef;
  readonly error?: string;
  readonly message?: string;
}

interface UploadLimits {
  readonly canUpload: boolean;
  readonly remainingDailyVideos?: number;
  readonly message?: string;
  readonly error?: string;
}

const SERVICE_TOKEN_SECONDS = 30 * 60;

/**
 * A video's blob. With a video service (Bluesky's video.bsky.app), the service transcodes the upload and puts the
 * result into the account's PDS with a service token the PDS issued for exactly that (network-apis.md 11.2);
 * with `video: 'pds'` the file goes to the PDS as a plain blob, as on a self-hosted network without one.
 */
export async function uploadVideo(
  deps: BlueskyDeps,
  xrpc: XrpcClient,
  account: BlueskyAccount,
  media: MediaInput,
): Promise<BlobRef> {
  const bytes = await readMediaBytes(deps.context.http, media);
  const { video } = deps.config;
  if (video === 'pds') {
    return uploadBlob(xrpc, bytes, media.mimeType);
  }
  const service = deps.service(video.serviceUrl);
  await checkUploadLimits(deps, xrpc, service, video.serviceDid);
  // The token lets the service write the transcoded blob into this PDS, so its audience is the PDS's DID.
  const token = await serviceToken(deps, xrpc, await pdsDid(xrpc), 'com.atproto.repo.uploadBlob');
  const uploaded = await service.send<{ jobStatus?: JobStatus } & Partial<JobStatus>>({
    operation: 'publish',
    endpoint: 'video.upload',
    nsid: 'app.bsky.video.uploadVideo',
    method: 'POST',
    params: { did: account.did, name: media.fileName ?? `video-${Date.now()}.mp4` },
    bytes: { data: bytes, contentType: media.mimeType },
    token,
    // The service answers 409 with the existing job when these bytes were uploaded before.
    accept: ['already_exists', 'AlreadyExists'],
  });
  const first = uploaded.ok ? (uploaded.body.jobStatus ?? uploaded.body) : undefined;
  const jobId = first?.jobId ?? (uploaded.ok ? undefined : stringOf(uploaded.details.jobId));
  if (!jobId) {
    throw new RetriableError('The Bluesky video service did not say which job processes the video.');
  }
  return waitForJob(deps, service, jobId);
}

async function checkUploadLimits(
  deps: BlueskyDeps,
  xrpc: XrpcClient,
  service: XrpcClient,
  serviceDid: string,
): Promise<void> {
  const token = await serviceToken(deps, xrpc, serviceDid, 'app.bsky.video.getUploadLimits');
  const limits = await service.call<UploadLimits>({
    operation: 'publish',
    endpoint: 'video.limits',
    nsid: 'app.bsky.video.getUploadLimits',
    token,
  });
  if (!limits.canUpload) {
    // The daily allowance renews; waiting until the next UTC day is the soonest a retry can work.
    const now = deps.context.clock.now();
    const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    throw new RateLimitedError(
      `Bluesky refuses more video uploads for this account today (${limits.message ?? limits.error ?? 'daily limit'}).`,
      Math.ceil((tomorrow - now.getTime()) / 1000),
      { endpoint: 'video.upload' },
    );
  }
}

async function pdsDid(xrpc: XrpcClient): Promise<string> {
  const { did } = await xrpc.call<{ did: string }>({
    operation: 'publish',
    endpoint: 'server.describe',
    nsid: 'com.atproto.server.describeServer',
  });
  return did;
}

async function serviceToken(deps: BlueskyDeps, xrpc: XrpcClient, aud: string, lxm: string): Promise<string> {
  const exp = Math.floor(deps.context.clock.now().getTime() / 1000) + SERVICE_TOKEN_SECONDS;
  const { token } = await xrpc.call<{ token: string }>({
    operation: 'publish',
    endpoint: 'session.service-auth',
    nsid: 'com.atproto.server.getServiceAuth',
    params: { aud, lxm, exp },
  });
  return token;
}

async function waitForJob(deps: BlueskyDeps, service: XrpcClient, jobId: string): Promise<BlobRef> {
  const { clock } = deps.context;
  const deadline = clock.now().getTime() + deps.config.mediaTimeoutMs;
  for (;;) {
    const { jobStatus } = await service.call<{ jobStatus: JobStatus }>({
      operation: 'publish',
      endpoint: 'video.status',
      nsid: 'app.bsky.video.getJobStatus',
      params: { jobId },
    });
    if (jobStatus.state === 'JOB_STATE_COMPLETED' && jobStatus.blob) {
      return jobStatus.blob;
    }
    if (jobStatus.state === 'JOB_STATE_FAILED') {
      throw new InvalidContentError(
        `Bluesky could not process the video: ${jobStatus.message ?? jobStatus.error ?? 'no reason given'}`,
        [
          {
            path: ['media'],
            code: 'bluesky:video-failed',
            message: jobStatus.message ?? 'processing failed',
          },
        ],
      );
    }
    if (clock.now().getTime() >= deadline) {
      throw new RetriableError(
        `Bluesky was still processing the video after ${deps.config.mediaTimeoutMs} ms; nothing was posted.`,
      );
    }
    await clock.sleep(deps.config.mediaPollIntervalMs);
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
