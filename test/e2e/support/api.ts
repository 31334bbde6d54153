import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A small client for the gateway, as the console or a script would call it. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly workspaceId?: string,
  ) {}

  as(token: string, workspaceId?: string): Api {
    return new Api(this.baseUrl, token, workspaceId);
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; correlationId?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token !== undefined) {
      headers.authorization = `Bearer ${this.token}`;
    }
    if (this.workspaceId !== undefined) {
      headers['x-chorus-workspace'] = this.workspaceId;
    }
    if (options.correlationId !== undefined) {
      headers['x-correlation-id'] = options.correlationId;
    }
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? null : JSON.parse(text)) as T,
      headers: response.headers,
    };
  }

  /** A fresh agency with its first workspace; returns a client signed in as its admin. */
  async signUp(): Promise<{
    api: Api;
    agencyId: string;
    workspaceId: string;
    userId: string;
    email: string;
  }> {
    const email = `admin-${randomUUID()}@example.test`;
    const response = await this.call<{
      token: string;
      agencyId: string;
      workspaceId: string;
      userId: string;
    }>('POST', '/api/auth/sign-up', {
      body: {
        agencyName: 'Acme Agency',
        workspaceName: 'Acme Coffee',
        name: 'Ada Admin',
        email,
        password: 'correct horse battery',
      },
    });
    if (response.status !== 201) {
      throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const { token, agencyId, workspaceId, userId } = response.body;
    return { api: this.as(token), agencyId, workspaceId, userId, email };
  }
}

export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
