import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  AlreadyMemberError,
  ApiTokenNotFoundError,
  CurrentTwoFactorCodeRequiredError,
  LastAdminError,
  MemberNotFoundError,
  EmailAlreadyRegisteredError,
  InvalidCredentialsError,
  InvalidResetTokenError,
  InvalidTwoFactorCodeError,
  ScopedCredentialError,
  SecondFactorRequiredError,
  TooManyAttemptsError,
  TwoFactorNotStartedError,
  TwoFactorVaultMissingError,
  WrongCurrentPasswordError,
} from '../../domain/account.errors.js';

function fieldProblem(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid body: ${field}: ${message}`,
    problems: [{ field, problem: message }],
  });
}

/** Account errors -> HTTP; anything else is rethrown as it is (a 500 the logs explain). */
export function accountHttpError(error: unknown, reply?: FastifyReply): unknown {
  if (error instanceof TooManyAttemptsError) {
    void reply?.header('retry-after', String(error.retryAfterSeconds));
    return new HttpException(
      {
        statusCode: 429,
        error: 'too-many-attempts',
        message: error.message,
        retryAfter: error.retryAfterSeconds,
      },
      429,
    );
  }
  if (error instanceof SecondFactorRequiredError) {
    return new UnauthorizedException({
      statusCode: 401,
      error: 'second-factor-required',
      message: error.message,
    });
  }
  if (error instanceof InvalidCredentialsError) {
    return new UnauthorizedException(error.message);
  }
  if (error instanceof EmailAlreadyRegisteredError) {
    return new ConflictException(error.message);
  }
  if (error instanceof InvalidResetTokenError) {
    return fieldProblem('token', error.message);
  }
  if (error instanceof WrongCurrentPasswordError) {
    return fieldProblem('password', error.message);
  }
  if (error instanceof CurrentTwoFactorCodeRequiredError) {
    return fieldProblem('code', error.message);
  }
  if (error instanceof InvalidTwoFactorCodeError) {
    return fieldProblem('code', error.message);
  }
  if (error instanceof TwoFactorVaultMissingError) {
    return new ServiceUnavailableException(error.message);
  }
  if (error instanceof TwoFactorNotStartedError) {
    return new ConflictException(error.message);
  }
  if (error instanceof ScopedCredentialError) {
    return new ForbiddenException(error.message);
  }
  if (error instanceof MemberNotFoundError) {
    return new NotFoundException(error.message);
  }
  if (error instanceof AlreadyMemberError || error instanceof LastAdminError) {
    return new ConflictException(error.message);
  }
  if (error instanceof ApiTokenNotFoundError) {
    return new NotFoundException(error.message);
  }
  return error;
}
