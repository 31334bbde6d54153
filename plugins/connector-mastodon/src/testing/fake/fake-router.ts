import type { TokenRecord } from './fake-state.js';
import type { UploadedFile } from './fake-request.js';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly params: Record<string, unknown>;
  readonly files: Record<string, UploadedFile>;
  readonly pathParams: Readonly<Record<string, string>>;
  /** The bearer token's record when it is valid; null for anonymous requests. */
  readonly token: TokenRecord | null;
}

export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A non-JSON body (the consent page). */
  readonly text?: string;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: string[];
  readonly handler: FakeHandler;
}

export class FakeRouter {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: FakeHandler): this {
    const names: string[] = [];
    const source = path.replace(/:([a-z_]+)/gu, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`, 'u'), names, handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { handler: FakeHandler; pathParams: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) {
        continue;
      }
      const found = route.pattern.exec(path);
      if (!found) {
        continue;
      }
      const pathParams: Record<string, string> = {};
      route.names.forEach((name, index) => (pathParams[name] = decodeURIComponent(found[index + 1] ?? '')));
      return { handler: route.handler, pathParams };
    }
    return undefined;
  }
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): FakeResponse => ({
  status,
  body,
  headers,
});
export const mastodonError = (status: number, error: string, description?: string): FakeResponse =>
  json(status, description === undefined ? { error } : { error, error_description: description });
export const notFound = (): FakeResponse => mastodonError(404, 'Record not found');
export const unauthorized = (): FakeResponse => mastodonError(401, 'The access token is invalid');
