import { createEnvelope, notificationRequestedV2, type EventEnvelope } from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import type { ApprovalLinkRecord } from '../../application/ports/approval-link-repository.port.js';
import type { ClientContact } from '../../domain/approvals/client-contact.value-object.js';

/**
 * The console's page for the link (apps/console `/approve`), which the gateway serves without an account and
 * which reads and decides through `/api/content/approval-link` (docs/adr/0022). The client opens it in a
 * browser, so it is a page, not the JSON route. The token is URL-safe as it is.
 */
export function approvalLinkPath(token: string): string {
  return `/approve?token=${token}`;
}

/**
 * The link as NotificationRequested v2 to the contact's address only (`addresses` rule): the gateway mails it
 * and shows it to no member and no webhook, so the token reaches the client and nobody in the agency.
 */
export function approvalLinkMail(link: ApprovalLinkRecord, to: ClientContact, token: string): EventEnvelope {
  return createEnvelope(
    notificationRequestedV2,
    {
      tenantId: link.tenantId,
      workspaceId: link.workspaceId,
      correlationId: currentCorrelationId(),
      occurredAt: link.createdAt,
    },
    {
      requestedBy: 'content',
      kind: 'approval-link',
      title: 'A post awaits your approval',
      body:
        `Open the link to read version ${link.version} of the post and approve or reject it, once, without an ` +
        `account. It works until ${link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      link: approvalLinkPath(token),
      object: { type: 'post', id: link.postId },
      recipients: { rule: 'addresses', addresses: [{ email: to.email, name: to.name }] },
    },
  );
}
