import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { EmailAlreadyRegisteredError, TooManyAttemptsError } from '../../../domain/account.errors.js';
import { Agency } from '../../../domain/agency.aggregate.js';
import { signUpNoticeThrottleKeys, signUpThrottleKeys } from '../../../domain/auth-throttle.value-object.js';
import type { Member } from '../../../domain/member.aggregate.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import { inUniformTime } from '../../../domain/uniform-answer-time.value-object.js';
import {
  ACCOUNT_REPOSITORY,
  AUTH_THROTTLE,
  BACKGROUND_MAIL_SENDER,
  PUBLIC_URL,
} from '../../../gateway.tokens.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { AuthThrottle } from '../../ports/auth-throttle.port.js';
import type { MailSender } from '../../ports/mail-sender.port.js';
import { SignUpCommand } from './sign-up.command.js';

/** The console's sign-in page, where an owner who forgot the account is pointed. */
const SIGN_IN_PAGE_PATH = '/sign-in';

@CommandHandler(SignUpCommand)
export class SignUpHandler implements ICommandHandler<SignUpCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AUTH_THROTTLE) private readonly throttle: AuthThrottle,
    // In the background: an SMTP server's delay or failure must not change the answer (ADR 0017).
    @Inject(BACKGROUND_MAIL_SENDER) private readonly mail: MailSender,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {}

  /**
   * New or taken e-mail: the same answer in the same time, the same argon2 work (uniform-answer-time). Every
   * attempt counts against the e-mail and the address before the e-mail is looked up, so the refusal of one
   * over its limit (TooManyAttemptsError) cannot tell a taken e-mail from a new one either.
   */
  async execute(command: SignUpCommand): Promise<void> {
    const lockedFor = await this.throttle.reserve(
      signUpThrottleKeys(command.data.email, command.ip),
      new Date(),
    );
    if (lockedFor !== null) {
      throw new TooManyAttemptsError(lockedFor);
    }
    return inUniformTime(() => this.signUp(command));
  }

  private async signUp(command: SignUpCommand): Promise<void> {
    const now = new Date();
    const { data } = command;
    const passwordHash = await PasswordHash.of(data.password);
    const existing = await this.accounts.findMemberByEmail(data.email);
    if (existing !== null) {
      await this.tellOwner(existing, now);
      return;
    }
    const { agency, workspace, admin } = Agency.found(
      {
        ids: { agency: uuidv7(), workspace: uuidv7(), member: uuidv7() },
        agencyName: data.agencyName,
        workspaceName: data.workspaceName,
        name: data.name,
        email: data.email,
        passwordHash,
      },
      now,
    );
    try {
      await this.accounts.addAgency(agency, workspace, admin);
    } catch (error) {
      if (!(error instanceof EmailAlreadyRegisteredError)) {
        throw error;
      }
      // Registered a moment ago by another request: its owner hears of this one like any other.
      const owner = await this.accounts.findMemberByEmail(data.email);
      if (owner !== null) {
        await this.tellOwner(owner, now);
      }
      return;
    }
    this.logger.write('info', 'agency signed up', {
      agencyId: agency.id,
      workspaceId: workspace.id,
      userId: admin.id,
    });
  }

  /** "Someone tried to sign up with your address", a few times an hour at most (no mailbox flooding). */
  private async tellOwner(owner: Member, now: Date): Promise<void> {
    if ((await this.throttle.reserve(signUpNoticeThrottleKeys(owner.snapshot().email), now)) !== null) {
      return;
    }
    const { tenantId, email, name } = owner.snapshot();
    const base = (this.publicUrl ?? '').replace(/\/$/, '');
    await this.mail.send({
      tenantId,
      to: email,
      subject: 'Someone tried to sign up to Chorus with your address',
      text: [
        `Hello ${name},`,
        '',
        'Someone (maybe you) tried to create a new Chorus agency with this e-mail address, which already has an',
        'account. Nothing was created and your account is unchanged.',
        '',
        `If it was you, sign in instead: ${base}${SIGN_IN_PAGE_PATH}`,
        'Forgot your password? Ask for a reset link on that page.',
        '',
        'If it was not you, you can ignore this e-mail.',
      ].join('\n'),
    });
    this.logger.write('info', 'sign-up with a taken e-mail: owner told', { userId: owner.id });
  }
}
