import { createHmac } from 'node:crypto';
import { verifyHmacSignature, z, type WebhookCapability } from '@chorus/connector-sdk';
import type { LinkedinDeps } from '../linkedin-deps.js';
import { interactionSkeleton, notificationSchema, readInteraction } from './notification.js';

const delivery = z.object({ type: z.string(), notifications: z.array(notificationSchema.passthrough()) });

/**
 * LinkedIn webhooks (network-apis.md 6.4, 0.2): the `challengeCode` handshake answered with the hex HMAC, and
 * `X-LI-Signature`, the hex HMAC-SHA256 of `"hmacsha256=" + rawBody` keyed with the client secret.
 */
export function createLinkedinWebhook(deps: LinkedinDeps): WebhookCapability {
  const { clientSecret } = deps.config;
  return {
    verify(request) {
      const signed = Buffer.concat([Buffer.from('hmacsha256='), Buffer.from(request.rawBody)]);
      return verifyHmacSignature({
        algorithm: 'sha256',
        key: clientSecret,
        payload: signed,
        signature: request.headers['x-li-signature'],
        encoding: 'hex',
      });
    },
    challenge(request) {
      const challengeCode = request.query?.challengeCode;
      if (!challengeCode) {
        return null;
      }
      const challengeResponse = createHmac('sha256', clientSecret).update(challengeCode).digest('hex');
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ challengeCode, challengeResponse }),
      };
    },
    parse(request) {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.from(request.rawBody).toString('utf8'));
      } catch (cause) {
        throw new Error('The LinkedIn webhook body is not JSON', { cause });
      }
      const parsed = delivery.safeParse(body);
      if (!parsed.success) {
        throw new Error(
          `The LinkedIn webhook body lacks its fields: ${parsed.error.issues[0]?.message ?? 'unknown'}`,
        );
      }
      if (parsed.data.type !== 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS') {
        return [];
      }
      return parsed.data.notifications.flatMap((notification) => interactionSkeleton(notification) ?? []);
    },
    // A delivery names the comment or post only: read its text with the channel's token (ADR 0021).
    async complete(credentials, interaction) {
      return (await readInteraction(deps.api(credentials), interaction)) ?? interaction;
    },
  };
}
