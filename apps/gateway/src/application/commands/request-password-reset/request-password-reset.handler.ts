import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { TooManyAttemptsError } from '../../../domain/account.errors.js';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { resetThrottleKeys } from '../../../domain/auth-throttle.value-object.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import { inUniformTime } from '../../../domain/uniform-answer-time.value-object.js';
import {
  ACCOUNT_REPOSITORY,
  AUTH_THROTTLE,
  BACKGROUND_MAIL_SENDER,
  PASSWORD_RESET_REPOSITORY,
  PUBLIC_URL,
} from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { AuthThrottle } from '../../ports/auth-throttle.port.js';
import type { MailSender } from '../../ports/mail-sender.port.js';
import type { PasswordResetRepository } from '../../ports/password-reset-repository.port.js';
import { RequestPasswordResetCommand } from './request-password-reset.command.js';

export const RESET_LIFETIME_MINUTES = 60;
/** Where the console's reset page lives; the token is in the fragment so that it never reaches a server log. */
export const RESET_PAGE_PATH = '/reset-password';

@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_RESET_REPOSITORY) private readonly resets: PasswordResetRepository,
    @Inject(AUTH_THROTTLE) private readonly throttle: AuthThrottle,
    // In the background: an SMTP server's delay or failure must not change the answer (ADR 0017).
    @Inject(BACKGROUND_MAIL_SENDER) private readonly mail: MailSender,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {}

  /**
   * Known or unknown e-mail: the same answer in the same time (uniform-answer-time). Every request counts against
   * the e-mail and the address before the e-mail is looked up, so one over its limit is refused
   * (TooManyAttemptsError) alike for a known and an unknown e-mail, and no mailbox is flooded through us.
   */
  async execute(command: RequestPasswordResetCommand): Promise<void> {
    const now = new Date();
    const lockedFor = await this.throttle.reserve(resetThrottleKeys(command.email, command.ip), now);
    if (lockedFor !== null) {
      throw new TooManyAttemptsError(lockedFor);
    }
    return inUniformTime(() => this.request(command, now));
  }

  private async request(command: RequestPasswordResetCommand, now: Date): Promise<void> {
    const member = await this.accounts.findMemberByEmail(command.email);
    // The same argon2 work either way, so the CPU load does not tell either.
    await PasswordHash.burnEquivalentTime(command.email);
    if (member === null) {
      return;
    }
    const { tenantId, email, name } = member.snapshot();
    const token = ApiToken.issue('reset');
    await this.resets.add({
      hash: token.hash,
      tenantId,
      memberId: member.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LIFETIME_MINUTES * 60_000),
    });
    const link = `${(this.publicUrl ?? '').replace(/\/$/, '')}${RESET_PAGE_PATH}#token=${token.secret}`;
    await this.mail.send({
      tenantId,
      to: email,
      subject: 'Reset your Chorus password',
      text: [
        `Hello ${name},`,
        '',
        'Someone (hopefully you) asked to reset your Chorus password. Choose a new one here:',
        link,
        '',
        `The link works once, for ${RESET_LIFETIME_MINUTES} minutes. If you did not ask, ignore this e-mail:`,
        'your password stays as it is.',
      ].join('\n'),
    });
    this.logger.write('info', 'password reset mailed', { userId: member.id });
  }
}
