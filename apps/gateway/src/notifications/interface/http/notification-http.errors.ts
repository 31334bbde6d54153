import {
  BadRequestException,
  ForbiddenException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  AgencyWebhookForbiddenError,
  InvalidWebhookUrlError,
  NotificationNotFoundError,
  WebhookNotFoundError,
  WebhookVaultMissingError,
} from '../../domain/notification.errors.js';

/** Notification errors -> HTTP; anything else is rethrown as it is. */
export function notificationHttpError(error: unknown): unknown {
  if (error instanceof NotificationNotFoundError || error instanceof WebhookNotFoundError) {
    return new NotFoundException(error.message);
  }
  if (error instanceof AgencyWebhookForbiddenError) {
    return new ForbiddenException(error.message);
  }
  if (error instanceof WebhookVaultMissingError) {
    return new ServiceUnavailableException(error.message);
  }
  if (error instanceof InvalidWebhookUrlError) {
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid body: url: ${error.problem}`,
      problems: [{ field: 'url', problem: error.problem }],
    });
  }
  return error;
}
