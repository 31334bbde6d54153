import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import {
  InvalidCredentialsError,
  SecondFactorRequiredError,
  TooManyAttemptsError,
} from '../../../domain/account.errors.js';
import { ApiToken } from '../../../domain/api-token.value-object.js';
import { signInThrottleKeys } from '../../../domain/auth-throttle.value-object.js';
import { PasswordHash } from '../../../domain/password-hash.value-object.js';
import {
  ACCOUNT_REPOSITORY,
  API_TOKEN_REPOSITORY,
  AUDIT_LOG,
  AUTH_THROTTLE,
} from '../../../gateway.tokens.js';
import type { AuditLog } from '../../ports/audit-log.port.js';
import type { AccountRepository } from '../../ports/account-repository.port.js';
import type { ApiTokenRepository } from '../../ports/api-token-repository.port.js';
import type { AuthThrottle } from '../../ports/auth-throttle.port.js';
import { SignInCommand, type SignInResult } from './sign-in.command.js';

/**
 * Password, then the second factor when the member has one. Every attempt is reserved against the e-mail and
 * the address before anything is checked, known account or not, and given back only when it succeeds; a failure
 * is answered the same way for every e-mail, and a locked key is refused before the password is even checked.
 */
@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(API_TOKEN_REPOSITORY) private readonly tokens: ApiTokenRepository,
    @Inject(AUTH_THROTTLE) private readonly throttle: AuthThrottle,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: SignInCommand): Promise<SignInResult> {
    const now = new Date();
    const keys = signInThrottleKeys(command.email, command.options.ip ?? 'unknown');
    // Counted before the password is checked: concurrent guesses each take one of the allowed attempts.
    const lockedFor = await this.throttle.reserve(keys, now);
    if (lockedFor !== null) {
      throw new TooManyAttemptsError(lockedFor);
    }

    const member = await this.accounts.findMemberByEmail(command.email);
    if (member === null) {
      await PasswordHash.burnEquivalentTime(command.password);
      throw new InvalidCredentialsError();
    }
    if (!(await member.checkPassword(command.password))) {
      await this.refused(member.snapshot().tenantId, member.id, 'wrong-password');
      this.logger.write('warn', 'sign-in refused', { userId: member.id });
      throw new InvalidCredentialsError();
    }
    if (member.twoFactorEnabled) {
      const code = command.options.totpCode;
      if (code === undefined) {
        // The right password, asked for its second factor: not a failure.
        await this.throttle.release(keys);
        throw new SecondFactorRequiredError(false);
      }
      if (!member.checkSecondFactor(code, now)) {
        await this.refused(member.snapshot().tenantId, member.id, 'wrong-second-factor');
        this.logger.write('warn', 'sign-in refused: second factor', { userId: member.id });
        throw new SecondFactorRequiredError(true);
      }
    }
    if (member.snapshot().passwordHash.needsRehash) {
      member.changePassword(await PasswordHash.of(command.password));
    }
    await this.accounts.saveCredentials(member);
    await this.throttle.release(keys, keys.slice(0, 1));

    const kind = command.options.kind ?? 'sign-in';
    const token = ApiToken.issue(kind === 'session' ? 'session' : 'api');
    const expiresAt = kind === 'session' ? ApiToken.sessionExpiryFrom(now) : ApiToken.expiryFrom(now);
    const { tenantId } = member.snapshot();
    await this.tokens.add({
      id: uuidv7(),
      hash: token.hash,
      kind,
      name: null,
      scopes: null,
      tenantId,
      memberId: member.id,
      createdAt: now,
      expiresAt,
    });
    await this.audit.record({
      tenantId,
      workspaceId: null,
      actorId: member.id,
      action: 'member.signed-in',
      objectType: 'member',
      objectId: member.id,
      details: { kind, twoFactor: member.twoFactorEnabled },
    });
    this.logger.write('info', 'signed in', { userId: member.id, kind });
    return { userId: member.id, token: token.secret, expiresAt };
  }

  private refused(tenantId: string, memberId: string, reason: string): Promise<void> {
    return this.audit.record({
      tenantId,
      workspaceId: null,
      actorId: null,
      action: 'member.sign-in-refused',
      objectType: 'member',
      objectId: memberId,
      details: { reason },
    });
  }
}
