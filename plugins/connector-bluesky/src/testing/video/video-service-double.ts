import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Job {
  readonly jobId: string;
  readonly did: string;
  state: 'JOB_STATE_ENCODING' | 'JOB_STATE_COMPLETED' | 'JOB_STATE_FAILED';
  blob?: unknown;
  error?: string;
}

export interface VideoServiceDoubleOptions {
  /** The PLC directory, to find the uploader's PDS from its DID as the real service does. */
  readonly plcUrl: string;
  readonly did?: string;
}

/**
 * A double of Bluesky's video service (video.bsky.app), which @atproto/dev-env does not include, following
 * network-apis.md 11.2: getUploadLimits, uploadVideo (409 already_exists with the job for bytes seen before),
 * getJobStatus. "Processing" stores the bytes unchanged: it puts them into the uploader's real PDS with the
 * service token the PDS issued, which is the part worth testing, since the PDS checks that token itself.
 */
export class VideoServiceDouble {
  private readonly jobs = new Map<string, Job>();
  private readonly byContent = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    private readonly options: VideoServiceDoubleOptions,
    readonly url: string,
    readonly did: string,
  ) {}

  static async start(options: VideoServiceDoubleOptions): Promise<VideoServiceDouble> {
    const holder: { double?: VideoServiceDouble } = {};
    const server = createServer((request, response) => {
      holder.double!.handle(request, response).catch((error: unknown) => {
        send(response, 500, { error: 'InternalServerError', message: String(error) });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const double = new VideoServiceDouble(
      server,
      options,
      `http://127.0.0.1:${port}`,
      options.did ?? 'did:web:video.test',
    );
    holder.double = double;
    return double;
  }

  /** Jobs created so far (one per distinct video per account). */
  get jobCount(): number {
    return this.jobs.size;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const token = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1];
    const claims = token ? claimsOf(token) : {};
    switch (url.pathname) {
      case '/xrpc/app.bsky.video.getUploadLimits':
        if (claims.aud !== this.did || claims.lxm !== 'app.bsky.video.getUploadLimits') {
          return send(response, 401, {
            error: 'BadJwt',
            message: 'wrong audience or method in the service token',
          });
        }
        return send(response, 200, {
          canUpload: true,
          remainingDailyVideos: 25,
          remainingDailyBytes: 10_000_000_000,
        });
      case '/xrpc/app.bsky.video.uploadVideo':
        return this.upload(url, token, claims, request, response);
      case '/xrpc/app.bsky.video.getJobStatus': {
        const job = this.jobs.get(url.searchParams.get('jobId') ?? '');
        return job
          ? send(response, 200, { jobStatus: view(job) })
          : send(response, 400, { error: 'NotFound', message: 'no such job' });
      }
      default:
        return send(response, 404, { error: 'XRPCNotSupported', message: 'XRPC Not Supported' });
    }
  }

  private async upload(
    url: URL,
    token: string | undefined,
    claims: Record<string, unknown>,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const did = url.searchParams.get('did') ?? '';
    if (!token || claims.iss !== did || claims.lxm !== 'com.atproto.repo.uploadBlob') {
      return send(response, 401, {
        error: 'BadJwt',
        message: 'the token must be the uploader’s, for uploadBlob',
      });
    }
    const bytes = await readBody(request);
    const content = createHash('sha256').update(did).update(bytes).digest('hex');
    const seen = this.byContent.get(content);
    if (seen) {
      return send(response, 409, {
        error: 'already_exists',
        message: 'Video already processed',
        jobId: seen,
      });
    }
    const job: Job = { jobId: randomUUID(), did, state: 'JOB_STATE_ENCODING' };
    this.jobs.set(job.jobId, job);
    this.byContent.set(content, job.jobId);
    void this.process(job, token, bytes, request.headers['content-type'] ?? 'video/mp4');
    send(response, 200, { jobStatus: view(job) });
  }

  private async process(job: Job, token: string, bytes: Buffer, contentType: string): Promise<void> {
    try {
      const pds = await this.pdsOf(job.did);
      const stored = await fetch(new URL('/xrpc/com.atproto.repo.uploadBlob', pds), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body: bytes,
      });
      const body = (await stored.json()) as { blob?: unknown; message?: string };
      if (!stored.ok || !body.blob) {
        throw new Error(`the PDS refused the blob: ${body.message ?? stored.status}`);
      }
      job.blob = body.blob;
      job.state = 'JOB_STATE_COMPLETED';
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      job.state = 'JOB_STATE_FAILED';
    }
  }

  private async pdsOf(did: string): Promise<string> {
    const response = await fetch(new URL(`/${did}`, this.options.plcUrl));
    const doc = (await response.json()) as { service?: { id: string; serviceEndpoint: string }[] };
    const pds = doc.service?.find((service) => service.id.endsWith('#atproto_pds'))?.serviceEndpoint;
    if (!pds) {
      throw new Error(`no PDS in the DID document of ${did}`);
    }
    return pds;
  }
}

function view(job: Job) {
  return {
    jobId: job.jobId,
    did: job.did,
    state: job.state,
    ...(job.blob ? { blob: job.blob } : {}),
    ...(job.error ? { error: 'processing_failed', message: job.error } : {}),
  };
}

function claimsOf(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
