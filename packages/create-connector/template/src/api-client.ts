import {
  AmbiguousError,
  errorFromResponse,
  type ConnectorContext,
  type ConnectorOperation,
} from '@chorus/connector-sdk';

export interface ApiCall {
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly token?: string;
  readonly json?: unknown;
  readonly idempotencyKey?: string;
  /** Statuses handled by the caller (a 404 on delete means already gone). */
  readonly accept?: readonly number[];
}

/** __Display__'s HTTP API: JSON in and out, failures mapped to the SDK's error taxonomy. */
export async function callApi<T>(
  context: ConnectorContext,
  baseUrl: string,
  call: ApiCall,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  const response = await context.http.fetch(new URL(call.path, baseUrl), {
    method: call.method ?? 'GET',
    headers,
    body: call.json === undefined ? undefined : JSON.stringify(call.json),
    endpoint: call.endpoint,
  });
  const text = await response.text();
  if (call.accept?.includes(response.status)) return { status: response.status, body: null as T };
  if (!response.ok) {
    const detail = (JSON.parse(text || '{}') as { error?: string }).error;
    throw errorFromResponse(response, { operation: call.operation, endpoint: call.endpoint, detail });
  }
  try {
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  } catch (cause) {
    throw new AmbiguousError(`__Display__ answered ${call.path} with something unreadable`, {
      cause,
      endpoint: call.endpoint,
    });
  }
}
