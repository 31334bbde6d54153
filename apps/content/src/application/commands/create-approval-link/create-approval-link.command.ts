import { Command } from '@nestjs/cqrs';

/** What the writer who asked learns: where the link went, never the token (it decides a client's step). */
export interface CreatedApprovalLink {
  readonly linkId: string;
  readonly sentTo: string;
  readonly step: number;
  readonly version: number;
  readonly expiresAt: Date;
}

/**
 * A signed, expiring link with which a client approver decides the awaiting step without an account, mailed to
 * one of the workspace's client contacts.
 */
export class CreateApprovalLinkCommand extends Command<CreatedApprovalLink> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      postId: string;
      contactEmail: string;
      expiresInHours: number;
      by: string;
    },
  ) {
    super();
  }
}
