/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any -- these tests read the fake's JSON answers loosely, field by field */
import { createHash } from 'node:crypto';
import type { MastodonFake } from './mastodon-fake.js';

/** A bare HTTP client for the fake's own tests: no connector code involved. */
export function fakeClient(fake: MastodonFake, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (token) {
      (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
    }
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${fake.url}${path}`, { ...init, redirect: 'manual' });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (safeJson(text) as any) : undefined,
    };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function upload(bytes: number, type: string, description?: string): FormData {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), type.startsWith('image') ? 'a.png' : 'a.mp4');
  if (description) {
    form.set('description', description);
  }
  return form;
}

export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
