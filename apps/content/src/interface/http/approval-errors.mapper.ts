import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApprovalForbiddenError, ApprovalLinkRefusedError } from '../../domain/approvals/approval.errors.js';

/**
 * Approval refusals -> HTTP: deciding without the step's role is a 403 naming the role; a forged link 403; an
 * expired, used or superseded link 410 Gone (it will never work again; ask for a new one). Nothing changed.
 */
@Catch(ApprovalForbiddenError, ApprovalLinkRefusedError)
export class ApprovalErrorsHttpFilter implements ExceptionFilter {
  catch(error: ApprovalForbiddenError | ApprovalLinkRefusedError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const gone = error instanceof ApprovalLinkRefusedError && error.reason !== 'invalid';
    const status = gone ? 410 : 403;
    void reply.status(status).send({
      statusCode: status,
      error: gone ? 'Gone' : 'Forbidden',
      message: error.message,
      ...(error instanceof ApprovalLinkRefusedError ? { reason: error.reason } : {}),
    });
  }
}
