/** The fields the tests read from response bodies. */
export interface Body {
  token: string;
  id: string;
  message: string;
  error: string;
  secret: string;
  csrfToken: string;
  otpauthUri: string;
  roles: string[];
  problems: { field: string; problem: string }[];
  items: { id: string; to: string; subject: string; text: string }[];
  [field: string]: unknown;
}

export interface Answer {
  readonly status: number;
  readonly body: Body;
  readonly headers: Headers;
}

/** A small fetch wrapper that keeps cookies like a browser would (one jar per client). */

export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) {
      headers.authorization = `Bearer ${options.token}`;
    }
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=') as [string, string];
      if (/Max-Age=0/i.test(line)) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? {} : JSON.parse(text)) as Body,
      headers: response.headers,
    };
  }
}
