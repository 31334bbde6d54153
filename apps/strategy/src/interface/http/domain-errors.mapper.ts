import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  InvalidStrategyInputError,
  StrategyConflictError,
  StrategyNotFoundError,
} from '../../domain/strategy.errors.js';

/**
 * Domain errors -> HTTP, in the same body shape as input validation (`parseInput`): a broken rule is a 400
 * naming the field, a missing object 404, a state conflict 409. Nothing was changed in any of these cases.
 */
@Catch(InvalidStrategyInputError, StrategyNotFoundError, StrategyConflictError)
export class DomainErrorsHttpFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof InvalidStrategyInputError) {
      void reply.status(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid body: ${error.message}`,
        problems: [{ field: error.field, problem: error.problem }],
      });
      return;
    }
    const status = error instanceof StrategyNotFoundError ? 404 : 409;
    void reply
      .status(status)
      .send({ statusCode: status, error: status === 404 ? 'Not Found' : 'Conflict', message: error.message });
  }
}
