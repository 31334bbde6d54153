import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  async request(
    @ValidBody(RequestPasswordResetBody) body: RequestPasswordResetBody,
  ): Promise<z.infer<typeof AcceptedResponse>> {
    await this.commands.execute(new RequestPasswordResetCommand(body.email));
    return { message: 'If this e-mail has an account, a reset link is on its way' };
  }

  @Post('complete')
  @HttpCode(204)
  @PublicEndpoint()
  @SameOriginJson()
  @ApiOperation({ summary: 'Set a new password with the token from the link; signs out every session' })
  @BodySchema(CompletePasswordResetBody)
  @BadRequestDoc()
  async complete(@ValidBody(CompletePasswordResetBody) body: CompletePasswordResetBody): Promise<void> {
    try {
      await this.commands.execute(new CompletePasswordResetCommand(body.token, body.password));
    } catch (error) {
      throw accountHttpError(error);
    }
  }
}
