import type { UploadedFile } from './fake-body.js';

export interface GraphFakeRequest {
  readonly method: string;
  /** The path without its version prefix. */
  readonly path: string;
  /** `v25.0`, or null for an unversioned call (the app's default version). */
  readonly version: string | null;
  readonly query: URLSearchParams;
  /** Query, form, JSON and multipart fields together, as Graph reads them. */
  readonly params: Readonly<Record<string, string>>;
  readonly files: Readonly<Record<string, UploadedFile>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly pathParams: Readonly<Record<string, string>>;
  /** From `access_token` or an `Authorization: Bearer|OAuth` header. */
  readonly token: string | undefined;
  readonly rawBody: Buffer;
}

export interface GraphFakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A non-JSON body (a consent redirect page, a plain hub.challenge). */
  readonly text?: string;
  readonly contentType?: string;
}

export type GraphFakeHandler = (request: GraphFakeRequest) => GraphFakeResponse | Promise<GraphFakeResponse>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: string[];
  readonly handler: GraphFakeHandler;
}

/** Express-style `:name` routes, matched in the order they were added. */
export class GraphFakeRouter {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: GraphFakeHandler): this {
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
  ): { handler: GraphFakeHandler; pathParams: Record<string, string> } | undefined {
    for (const route of this.routes) {
      const found = route.method === method ? route.pattern.exec(path) : null;
      if (found) {
        const pathParams: Record<string, string> = {};
        route.names.forEach((name, index) => (pathParams[name] = decodeURIComponent(found[index + 1] ?? '')));
        return { handler: route.handler, pathParams };
      }
    }
    return undefined;
  }
}
