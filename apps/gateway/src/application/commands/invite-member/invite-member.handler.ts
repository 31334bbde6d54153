import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { AlreadyMemberError, EmailAlreadyRegisteredError } from '../../../domain/account.errors.js';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { Member } from '../../../domain/member.aggregate.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import { inUniformTime } from '../../../domain/uniform-answer-time.value-object.js';
import {
  ACCOUNT_REPOSITORY,
  BACKGROUND_MAIL_SENDER,
  PASSWORD_RESET_REPOSITORY,
  PUBLIC_URL,
  AUDIT_LOG,
} from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { MailSender } from '../../ports/mail-sender.port.js';
import type { PasswordResetRepository } from '../../ports/password-reset-repository.port.js';
import { InviteMemberCommand, type InvitedMember } from './invite-member.command.js';

export const INVITATION_LIFETIME_DAYS = 7;
/** The console's page that sets the first password; it completes with POST /api/auth/password-reset/complete. */
export const INVITATION_PAGE_PATH = '/accept-invitation';

@CommandHandler(InviteMemberCommand)
export class InviteMemberHandler implements ICommandHandler<InviteMemberCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_RESET_REPOSITORY) private readonly resets: PasswordResetRepository,
    // In the background, like the other account mail: a slow or failing SMTP server must neither hold nor fail
    // the answer, nor make another agency's address answer slower than a new one (ADR 0017, 0029).
    @Inject(BACKGROUND_MAIL_SENDER) private readonly mail: MailSender,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {}

  /**
   * An address of another agency is answered like a new one, in the same time (uniform-answer-time), and its
   * owner is mailed instead: an admin must not learn who has an account elsewhere (ADR 0017).
   */
  execute(command: InviteMemberCommand): Promise<InvitedMember> {
    return inUniformTime(() => this.invite(command));
  }

  private async invite(command: InviteMemberCommand): Promise<InvitedMember> {
    const { tenantId, workspaceId, person } = command;
    const [workspace] = await this.accounts.listWorkspaces(tenantId, [workspaceId]);
    const workspaceName = workspace?.name ?? 'a workspace';
    const existing = await this.accounts.findMemberByEmail(person.email);
    if (existing !== null && existing.snapshot().tenantId !== tenantId) {
      return this.tellOtherAgencysMember(existing, workspaceName);
    }
    if (existing !== null) {
      if (existing.rolesIn(workspaceId).length > 0) {
        throw new AlreadyMemberError();
      }
      existing.grant(workspaceId, person.roles);
      await this.accounts.saveMemberships(existing);
      await this.recordInvitation(command, existing.id, false);
      await this.mail.send({
        tenantId,
        to: existing.snapshot().email,
        subject: `You were added to ${workspaceName} on Chorus`,
        text: `You can now work in ${workspaceName} as ${person.roles.join(', ')}. Sign in as usual.`,
      });
      this.logger.write('info', 'member added to workspace', { userId: existing.id, workspaceId });
      return { memberId: existing.id, newAccount: false };
    }

    const now = new Date();
    // Nobody knows this password: the invitee sets theirs through the mailed link.
    const member = Member.register({
      id: uuidv7(),
      tenantId,
      email: person.email,
      name: person.name,
      passwordHash: await PasswordHash.of(randomBytes(32).toString('base64url')),
      memberships: [{ workspaceId, roles: [...new Set(person.roles)] }],
      createdAt: now,
    });
    try {
      await this.accounts.addMember(member);
    } catch (error) {
      // Someone registered the address a moment ago.
      const owner =
        error instanceof EmailAlreadyRegisteredError
          ? await this.accounts.findMemberByEmail(person.email)
          : null;
      if (owner === null || owner.snapshot().tenantId === tenantId) {
        throw error instanceof EmailAlreadyRegisteredError ? new AlreadyMemberError() : error;
      }
      return this.tellOtherAgencysMember(owner, workspaceName);
    }
    await this.recordInvitation(command, member.id, true);
    const token = ApiToken.issue('reset');
    await this.resets.add({
      hash: token.hash,
      tenantId,
      memberId: member.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 24 * 3600 * 1000),
    });
    const link = `${(this.publicUrl ?? '').replace(/\/$/, '')}${INVITATION_PAGE_PATH}#token=${token.secret}`;
    await this.mail.send({
      tenantId,
      to: member.snapshot().email,
      subject: `You are invited to ${workspaceName} on Chorus`,
      text: [
        `Hello ${person.name},`,
        '',
        `You are invited to work in ${workspaceName} as ${person.roles.join(', ')}. Choose your password here:`,
        link,
        '',
        `The link works once, for ${INVITATION_LIFETIME_DAYS} days.`,
      ].join('\n'),
    });
    this.logger.write('info', 'member invited', {
      userId: member.id,
      workspaceId,
      invitedBy: command.invitedBy,
    });
    return { memberId: member.id, newAccount: true };
  }

  /** Answered as a new account (an id that names nobody); the person hears that someone tried. */
  private async tellOtherAgencysMember(owner: Member, workspaceName: string): Promise<InvitedMember> {
    // The argon2 work a new account's unusable password costs.
    await PasswordHash.of(randomBytes(32).toString('base64url'));
    const { tenantId, email, name } = owner.snapshot();
    await this.mail.send({
      tenantId,
      to: email,
      subject: `Someone invited you to ${workspaceName} on Chorus`,
      text: [
        `Hello ${name},`,
        '',
        `Someone invited this address to work in ${workspaceName} on Chorus, in another agency than yours.`,
        'An address belongs to one agency, so nothing changed. If you expected this invitation, ask them to',
        'invite another address of yours.',
      ].join('\n'),
    });
    this.logger.write('info', 'invitation of a member of another agency: owner told', { userId: owner.id });
    return { memberId: uuidv7(), newAccount: true };
  }

  private recordInvitation(
    command: InviteMemberCommand,
    memberId: string,
    newAccount: boolean,
  ): Promise<void> {
    return this.audit.record({
      tenantId: command.tenantId,
      workspaceId: command.workspaceId,
      actorId: command.invitedBy,
      action: 'member.invited',
      objectType: 'member',
      objectId: memberId,
      details: { roles: [...new Set(command.person.roles)], newAccount },
    });
  }
}
