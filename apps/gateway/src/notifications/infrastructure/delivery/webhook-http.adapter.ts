import { Injectable } from '@nestjs/common';
import type { WebhookTransport } from '../../application/ports/notification-webhook.port.js';

/**
 * POSTs with fetch. Redirects are not followed: the signature was made for this URL, and a redirect to an
 * internal address is how webhooks get abused. The answer body is not read beyond its status.
 */
@Injectable()
export class FetchWebhookTransport implements WebhookTransport {
  async post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<{ status: number | null; error: string | null }> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return { status: response.status, error: null };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const name = (error as { name?: string }).name;
      return {
        status: null,
        error:
          name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : `could not reach the receiver${cause === undefined ? '' : ` (${cause})`}`,
      };
    }
  }
}
