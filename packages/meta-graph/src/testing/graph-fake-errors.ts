import { randomBytes } from 'node:crypto';
import type { GraphFakeResponse } from './fake-router.js';

export interface FakeGraphError {
  readonly code: number;
  readonly message: string;
  readonly subcode?: number;
  readonly type?: string;
  readonly status?: number;
  readonly userMessage?: string;
}

/** Meta's error envelope exactly as network-apis.md 1.2 shows it; HTTP 400 unless said otherwise. */
export function graphError(error: FakeGraphError, headers?: Record<string, string>): GraphFakeResponse {
  return {
    status: error.status ?? 400,
    headers,
    body: {
      error: {
        message: error.message,
        type:
          error.type ?? (error.code === 190 || error.code === 10 ? 'OAuthException' : 'GraphMethodException'),
        code: error.code,
        ...(error.subcode !== undefined ? { error_subcode: error.subcode } : {}),
        ...(error.userMessage ? { error_user_title: 'Error', error_user_msg: error.userMessage } : {}),
        is_transient: error.code === 1 || error.code === 2,
        fbtrace_id: randomBytes(9).toString('base64url'),
      },
    },
  };
}

export const invalidToken = (): GraphFakeResponse =>
  graphError({
    code: 190,
    message: 'Invalid OAuth access token - Cannot parse access token',
    subcode: 467,
    status: 401,
  });
export const expiredToken = (): GraphFakeResponse =>
  graphError({
    code: 190,
    subcode: 463,
    message: 'Error validating access token: Session has expired',
    status: 401,
  });
export const missingPermission = (permission: string): GraphFakeResponse =>
  graphError({
    code: 10,
    message: `(#10) This endpoint requires the '${permission}' permission`,
    status: 403,
  });
export const unknownObject = (id: string): GraphFakeResponse =>
  graphError({
    code: 100,
    subcode: 33,
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
export const invalidParameter = (message: string, subcode?: number): GraphFakeResponse =>
  graphError({ code: 100, message: `(#100) ${message}`, subcode });
export const ok = (body: unknown, headers?: Record<string, string>): GraphFakeResponse => ({
  status: 200,
  body,
  headers,
});
