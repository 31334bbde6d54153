import {
  BadRequestException,
  ConflictException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ChannelConnectedMeanwhileError,
  ChannelInputError,
  ChannelNotFoundError,
  ChannelUnavailableError,
  NetworkRefusedConnectionError,
  OAuthStateRefusedError,
  VaultNotConfiguredError,
} from '../../domain/channel/channel.errors.js';
import { connectorErrorKind } from '../../application/channels/connector-failure.mapper.js';

/** Channel errors -> HTTP; anything else is rethrown as it is (a 500 the logs explain, without secrets). */
export function channelHttpError(error: unknown): unknown {
  if (error instanceof ChannelInputError) {
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid ${error.field}: ${error.message}`,
      problems: [{ field: error.field, problem: error.message }],
    });
  }
  if (error instanceof OAuthStateRefusedError) {
    return new BadRequestException({
      statusCode: 400,
      error: 'oauth-state-refused',
      message: error.message,
      problems: [{ field: 'state', problem: error.message }],
    });
  }
  if (error instanceof NetworkRefusedConnectionError) {
    return new HttpException({ statusCode: 422, error: 'network-refused', message: error.message }, 422);
  }
  if (error instanceof ChannelNotFoundError) {
    return new NotFoundException(error.message);
  }
  if (error instanceof ChannelUnavailableError) {
    return new ConflictException({
      statusCode: 409,
      error: 'channel-unavailable',
      state: error.state,
      message: error.message,
    });
  }
  if (error instanceof ChannelConnectedMeanwhileError) {
    return new ConflictException(error.message);
  }
  if (error instanceof VaultNotConfiguredError) {
    return new ServiceUnavailableException(error.message);
  }
  const kind = connectorErrorKind(error);
  if (kind === 'retriable' || kind === 'rate-limited' || kind === 'ambiguous') {
    return new ServiceUnavailableException(
      `The network did not answer properly (${kind}); try again in a moment`,
    );
  }
  return error;
}
