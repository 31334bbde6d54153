import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type __Network__Fault =
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'invalid-content' }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'timeout-after-send' };

interface Post {
  readonly id: string;
  readonly accountId: string;
  readonly text: string;
  readonly createdAt: number;
  deleted: boolean;
}

const MAX_GRAPHEMES = 280;
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A faithful fake of __Display__'s API on loopback. Make it match the real API's documented endpoints, status
 * codes, error bodies, pagination and rate limits: the contract kit trusts it.
 */
export class __Network__Fake {
  private readonly accounts = new Map<string, { id: string; handle: string; password: string }>();
  private readonly tokens = new Map<string, string>();
  private readonly posts: Post[] = [];
  private readonly keys = new Map<string, { postId: string; expiresAt: number }>();
  private readonly faults: __Network__Fault[] = [];
  private created = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<__Network__Fake> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new __Network__Fake(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request, response) => void fake.handle(request, response));
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  createAccount(handle: string, password: string): { id: string; handle: string } {
    const account = { id: String(this.accounts.size + 1), handle, password };
    this.accounts.set(account.id, account);
    return { id: account.id, handle };
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** The next POST /v1/posts misbehaves this way. */
  injectFault(fault: __Network__Fault): void {
    this.faults.push(fault);
  }

  /** Posts created, duplicates included (idempotent replays are not). */
  publishedCount(): number {
    return this.created;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = await readJson(request);
    const accountId = this.tokens.get((request.headers.authorization ?? '').replace(/^Bearer /u, ''));
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'ratelimit-remaining': '99',
        'ratelimit-reset': '60',
        ...headers,
      });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const route = `${request.method} ${url.pathname}`;

    if (route === 'POST /v1/sessions') {
      const account = [...this.accounts.values()].find(
        (item) => item.handle === body.identifier && item.password === body.password,
      );
      if (!account) return send(401, { error: 'invalid_credentials' });
      const token = randomBytes(24).toString('base64url');
      this.tokens.set(token, account.id);
      return send(201, { token, account: { id: account.id, handle: account.handle, name: null } });
    }
    const post = /^\/v1\/posts\/([^/]+)$/u.exec(url.pathname);
    if (request.method === 'GET' && post) {
      const found = this.posts.find((item) => item.id === post[1] && !item.deleted);
      return found ? send(200, this.render(found)) : send(404, { error: 'not_found' });
    }
    if (!accountId) return send(401, { error: 'invalid_token' });
    if (route === 'GET /v1/me') {
      const account = this.accounts.get(accountId)!;
      return send(200, { id: account.id, handle: account.handle, name: null });
    }
    if (route === 'POST /v1/posts') {
      const fault = this.faults.shift();
      if (fault?.kind === 'rate-limited')
        return send(429, { error: 'rate_limited' }, { 'retry-after': String(fault.retryAfterSeconds) });
      if (fault?.kind === 'invalid-content') return send(422, { error: 'content_refused' });
      if (fault?.kind === 'server-error') return send(503, { error: 'unavailable' });
      const key = request.headers['idempotency-key'];
      const remembered = typeof key === 'string' ? this.keys.get(`${accountId}:${key}`) : undefined;
      if (remembered && remembered.expiresAt > Date.now()) {
        return send(200, this.render(this.posts.find((item) => item.id === remembered.postId)!));
      }
      const text = typeof body.text === 'string' ? body.text : '';
      if (text.trim() === '') return send(422, { error: 'text_required' });
      if ([...segmenter.segment(text)].length > MAX_GRAPHEMES) return send(422, { error: 'text_too_long' });
      const created: Post = {
        id: String(this.posts.length + 1),
        accountId,
        text,
        createdAt: Date.now(),
        deleted: false,
      };
      this.posts.push(created);
      this.created += 1;
      if (typeof key === 'string')
        this.keys.set(`${accountId}:${key}`, {
          postId: created.id,
          expiresAt: Date.now() + IDEMPOTENCY_TTL_MS,
        });
      if (fault?.kind === 'timeout-after-send') return; // applied; the answer never comes
      return send(201, this.render(created));
    }
    if (route === 'GET /v1/posts') {
      const since = Date.parse(url.searchParams.get('since') ?? '') || 0;
      const until = Date.parse(url.searchParams.get('until') ?? '') || Number.MAX_SAFE_INTEGER;
      const mine = this.posts.filter(
        (item) =>
          item.accountId === accountId && !item.deleted && item.createdAt >= since && item.createdAt <= until,
      );
      return send(200, { data: mine.map((item) => this.render(item)) });
    }
    if (request.method === 'DELETE' && post) {
      const found = this.posts.find(
        (item) => item.id === post[1] && item.accountId === accountId && !item.deleted,
      );
      if (!found) return send(404, { error: 'not_found' });
      found.deleted = true;
      return send(204);
    }
    return send(404, { error: 'not_found' });
  }

  private render(post: Post) {
    return {
      id: post.id,
      text: post.text,
      url: `${this.url}/posts/${post.id}`,
      created_at: new Date(post.createdAt).toISOString(),
    };
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
