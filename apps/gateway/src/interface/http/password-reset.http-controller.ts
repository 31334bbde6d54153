import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { BadRequestDoc, BodySchema, PublicEndpoint, ResponseSchema, ValidBody } from '@chorus/service-kit';
import { CompletePasswordResetCommand } from '../../application/commands/complete-password-reset/complete-password-reset.command.js';
import { RequestPasswordResetCommand } from '../../application/commands/request-password-reset/request-password-reset.command.js';
import { accountHttpError } from './account-http.errors.js';
import {
  AcceptedResponse,
  CompletePasswordResetBody,
  RequestPasswordResetBody,
} from './dto/password-reset.dto.js';
import { SameOriginJson } from './same-origin-json.guard.js';

@ApiTags('auth')
@Controller('api/auth/password-reset')
export class PasswordResetHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @PublicEndpoint()
  @SameOriginJson()
  @ApiOperation({
    summary:
      'Mail a one-time reset link (60 min) when the e-mail has an account; the answer is the same either way',
  })
  @BodySchema(RequestPasswordResetBody)
  @ResponseSchema(202, AcceptedResponse, 'Accepted')
  @BadRequestDoc()
  @ApiTooManyRequestsResponse({
    description:
      'Too many requests for this e-mail or from this address (answered alike whether the e-mail has an ' +
      'account); see Retry-After',
  })
  async request(
    @ValidBody(RequestPasswordResetBody) body: RequestPasswordResetBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof AcceptedResponse>> {
    try {
      await this.commands.execute(new RequestPasswordResetCommand(body.email, request.ip));
    } catch (error) {
      throw accountHttpError(error, reply);
    }
    return { message: 'If this e-mail has an account, a reset link is on its way' };
  }

  @Post('complete')
  @HttpCode(204)
  @PublicEndpoint()
  @SameOriginJson()
  @ApiOperation({
    summary:
      'Set a new password with the token from the link; revokes every browser session, sign-in token and ' +
      'API token of the account (make new API tokens after signing in)',
  })
  @BodySchema(CompletePasswordResetBody)
  @BadRequestDoc()
  @ApiTooManyRequestsResponse({
    description: 'Too many wrong links from this address, or new passwords for this account; see Retry-After',
  })
  async complete(
    @ValidBody(CompletePasswordResetBody) body: CompletePasswordResetBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    try {
      await this.commands.execute(new CompletePasswordResetCommand(body.token, body.password, request.ip));
    } catch (error) {
      throw accountHttpError(error, reply);
    }
  }
}
