import {
  ReauthRequiredError,
  type ConnectorContext,
  type ConnectorOperation,
  type Credentials,
  type z,
} from '@chorus/connector-sdk';
import type { RedditConfig } from '../config.js';
import {
  mapFormErrors,
  mapHttpError,
  summariseUnreadable,
  unreadableSuccess,
  type ErrorContext,
  type FormError,
  type RedditErrorBody,
} from './map-error.js';

export interface RedditRequest {
  readonly operation: ConnectorOperation;
  /** The endpoint's name in logs and the host's rate-limit hooks (all count for Reddit's one budget, '*'). */
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST';
  /** `auth` is www.reddit.com (authorize, tokens); `api` is oauth.reddit.com. */
  readonly host?: 'api' | 'auth';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly form?: Readonly<Record<string, string | undefined>>;
  readonly json?: unknown;
  /** User calls carry the account's token; the scope it needs is checked before anything is sent. */
  readonly credentials?: Credentials;
  readonly scope?: string;
  /** HTTP Basic client authentication for the token endpoints. */
  readonly basic?: { readonly user: string; readonly password: string };
  readonly forbidden?: ErrorContext['forbidden'];
}

/** Reddit's HTTP API: the User-Agent on every call, answers checked against a schema, failures classified. */
export class RedditApi {
  constructor(
    private readonly context: ConnectorContext,
    private readonly config: RedditConfig,
    readonly userAgent: string,
  ) {}

  async call<T>(request: RedditRequest, schema: z.ZodType<T>): Promise<T> {
    const { credentials, scope } = request;
    if (scope && credentials?.scopes && !credentials.scopes.includes(scope)) {
      throw new ReauthRequiredError(
        `The Reddit account was connected without the "${scope}" permission ${request.operation} needs: reconnect it.`,
        { endpoint: request.endpoint },
      );
    }
    const base = request.host === 'auth' ? this.config.authUrl : this.config.apiUrl;
    const url = new URL(request.path, base);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(key, value);
      }
    }
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent };
    if (credentials) {
      headers.authorization = `bearer ${credentials.accessToken}`;
    }
    if (request.basic) {
      const pair = `${request.basic.user}:${request.basic.password}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    let body: string | undefined;
    if (request.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = formBody(request.form);
    } else if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    const response = await this.context.http.fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body,
      endpoint: request.endpoint,
    });
    return this.read(response, request, schema);
  }

  /** Reads an answer: HTTP errors, unreadable bodies, `json.errors` inside a 200, then the expected shape. */
  async read<T>(response: Response, request: RedditRequest, schema: z.ZodType<T>): Promise<T> {
    const context: ErrorContext = {
      operation: request.operation,
      endpoint: request.endpoint,
      now: this.context.clock.now(),
      forbidden: request.forbidden ?? 'reauth',
    };
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      // The connection closed before the whole body arrived.
      throw unreadableSuccess(request.operation, request.endpoint, 'a truncated body', cause);
    }
    if (!response.ok) {
      throw mapHttpError(response, parseObject(text), text, context);
    }
    let json: unknown;
    try {
      // An empty 2xx (revoke_token answers 204) reads as `{}`; a write's schema then refuses it.
      json = text === '' ? {} : JSON.parse(text);
    } catch (cause) {
      throw unreadableSuccess(request.operation, request.endpoint, summariseUnreadable(text), cause);
    }
    const errors = formErrors(json);
    if (errors.length > 0) {
      throw mapFormErrors(errors, context);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
      throw unreadableSuccess(
        request.operation,
        request.endpoint,
        `JSON of an unexpected shape (missing or wrong: ${fields})`,
        parsed.error,
      );
    }
    return parsed.data;
  }
}

function formBody(fields: Readonly<Record<string, string | undefined>>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      form.set(key, value);
    }
  }
  return form.toString();
}

function parseObject(text: string): RedditErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The `[CODE, message, field]` triples of an `api_type=json` answer, whatever their exact spelling. */
function formErrors(json: unknown): FormError[] {
  const errors = (json as { json?: { errors?: unknown } } | null)?.json?.errors;
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors.map((entry: unknown) => {
    const [code, message, field] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return [text(code) || 'UNKNOWN_ERROR', text(message), text(field)] as const;
  });
}
