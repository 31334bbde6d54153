import type { ClientContact } from '../../domain/approvals/client-contact.value-object.js';

export interface ApprovalLinkRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly postId: string;
  readonly round: number;
  readonly version: number;
  readonly step: number;
  /** Who the link was sent to, in the agency's words ("Maria, Acme marketing"): shown in the history. */
  readonly recipient: string;
  readonly expiresAt: Date;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly usedAt: Date | null;
  readonly decision: 'approved' | 'rejected' | null;
}

export interface ApprovalLinkRepository {
  /** The agency's key for signing links, made on first use and kept in the database. */
  secret(tenantId: string): Promise<Buffer>;
  /** The key, without making one: a link naming an agency that never signed one is simply invalid. */
  findSecret(tenantId: string): Promise<Buffer | null>;
  /**
   * Stores the link and, in the same transaction, asks the gateway to mail it to the contact (NotificationRequested
   * to that address only): the token leaves content by that mail and by no answer.
   */
  add(link: ApprovalLinkRecord, mail: { to: ClientContact; token: string }): Promise<void>;
  find(tenantId: string, linkId: string): Promise<ApprovalLinkRecord | null>;
  /** Marks the link used; false when it already was (a replay or a second click racing the first). */
  /** The workspace's client contacts, the only addresses links are mailed to (an admin keeps them). */
  clientContacts(tenantId: string, workspaceId: string): Promise<ClientContact[]>;
  saveClientContacts(
    tenantId: string,
    workspaceId: string,
    contacts: readonly ClientContact[],
    by: string,
  ): Promise<void>;
  markUsed(tenantId: string, linkId: string, decision: 'approved' | 'rejected', now: Date): Promise<boolean>;
}
