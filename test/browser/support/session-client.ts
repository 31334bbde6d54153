import { createChorusClient, type ChorusClient } from '@chorus/api-client';
import type { BrowserContext } from 'playwright-core';

/**
 * The generated client acting as the browser's signed-in session (its cookies and CSRF token, as read when each
 * request leaves), for a test to change things behind the page's back: raise a notification, end the session,
 * create a post.
 */
export function sessionClient(
  context: BrowserContext,
  origin: string,
  workspaceId?: () => string,
): ChorusClient {
  return createChorusClient({
    origin,
    middleware: [
      {
        async onRequest({ request }) {
          const cookies = await context.cookies(origin);
          request.headers.set('cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '));
          request.headers.set(
            'x-csrf-token',
            cookies.find((c) => c.name.endsWith('chorus_csrf'))?.value ?? '',
          );
          const workspace = workspaceId?.();
          if (workspace !== undefined) {
            request.headers.set('x-chorus-workspace', workspace);
          }
          return request;
        },
      },
    ],
  });
}
