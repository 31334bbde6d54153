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

  /**
   * A fresh agency with its first workspace; returns a client signed in as its admin. Sign-up answers 202 with
   * nothing that tells a taken e-mail from a new one (docs/adr/0017), so the admin signs in next, as the console
   * does, and reads the ids from /api/me.
   */
  async signUp(): Promise<{
    api: Api;
    token: string;
    agencyId: string;
    workspaceId: string;
    userId: string;
    email: string;
  }> {
    const email = `admin-${randomUUID()}@example.test`;
    const password = 'correct horse battery';
    const response = await this.call('POST', '/api/auth/sign-up', {
      body: { agencyName: 'Acme Agency', workspaceName: 'Acme Coffee', name: 'Ada Admin', email, password },
    });
    if (response.status !== 202) {
      throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const signIn = await this.call<{ token: string; userId: string }>('POST', '/api/auth/sign-in', {
      body: { email, password },
    });
    if (signIn.status !== 200) {
      throw new Error(`sign-in after sign-up failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
    }
    const { token, userId } = signIn.body;
    const me = await this.as(token).call<{ agency: { id: string }; workspaces: { id: string }[] }>(
      'GET',
      '/api/me',
    );
    const agencyId = me.body.agency.id;
    const workspaceId = me.body.workspaces[0]!.id;
    return { api: this.as(token), token, agencyId, workspaceId, userId, email };
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
