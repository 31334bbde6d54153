import { Inject, Injectable, Optional } from '@nestjs/common';
import { OUTBOUND_POLICY } from '../../../gateway.tokens.js';
import {
  PUBLIC_TARGETS_ONLY,
  guardedFetch,
  type OutboundPolicy,
} from '../../../infrastructure/network/outbound-guard.adapter.js';
import type { WebhookTransport } from '../../application/ports/notification-webhook.port.js';

/**
 * POSTs with fetch. Redirects are not followed: the signature was made for this URL, and a redirect to an
 * internal address is how webhooks get abused. The connection goes to a public address only (checked on the
 * address resolved now, not the one seen when the webhook was added: DNS rebinding), unless the installation
 * allows private targets. The answer body is not read beyond its status.
 */
@Injectable()
export class FetchWebhookTransport implements WebhookTransport {
  private readonly fetch: typeof fetch;

  constructor(@Optional() @Inject(OUTBOUND_POLICY) policy: OutboundPolicy | undefined) {
    this.fetch = guardedFetch(policy ?? PUBLIC_TARGETS_ONLY);
  }

  async post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<{ status: number | null; error: string | null }> {
    try {
      const response = await this.fetch(url, {
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
            : cause === 'ECHORUS_PRIVATE_TARGET'
              ? 'refused: the address resolves to a loopback, private or link-local address'
              : `could not reach the receiver${cause === undefined ? '' : ` (${cause})`}`,
      };
    }
  }
}
