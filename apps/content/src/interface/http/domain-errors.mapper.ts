import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ContentConflictError,
  ContentNotFoundError,
  InvalidContentInputError,
} from '../../domain/content.errors.js';
import { AlreadyPublishedError } from '../../domain/publishing/publishing.errors.js';

/**
 * Domain errors -> HTTP, in the same body shape as input validation: broken rules are a 400 naming each field
 * (every target's problems at once), a missing object 404, a state conflict 409. Nothing was changed.
 */
@Catch(InvalidContentInputError, ContentNotFoundError, ContentConflictError)
export class DomainErrorsHttpFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof InvalidContentInputError) {
      void reply.status(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid body: ${error.message}`,
        problems: error.problems,
      });
      return;
    }
    const status = error instanceof ContentNotFoundError ? 404 : 409;
    void reply.status(status).send({
      statusCode: status,
      error: status === 404 ? 'Not Found' : 'Conflict',
      message: error.message,
      ...(error instanceof AlreadyPublishedError ? { url: error.url } : {}),
    });
  }
}
