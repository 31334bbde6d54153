import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  AuthenticatedEndpoint,
  BadRequestDoc,
  BodySchema,
  ResponseSchema,
  ValidBody,
  type RequestWithMember,
} from '@chorus/service-kit';
import { ConfirmTwoFactorCommand } from '../../application/commands/confirm-two-factor/confirm-two-factor.command.js';
import { DisableTwoFactorCommand } from '../../application/commands/disable-two-factor/disable-two-factor.command.js';
import { SetUpTwoFactorCommand } from '../../application/commands/set-up-two-factor/set-up-two-factor.command.js';
import { accountHttpError } from './account-http.errors.js';
import {
  TwoFactorCodeBody,
  TwoFactorDisableBody,
  TwoFactorSetUpBody,
  TwoFactorSetUpResponse,
} from './dto/two-factor.dto.js';
import { credentialOwner } from './credential-owner.mapper.js';

/** Optional TOTP two-factor sign-in (RFC 6238), for the signed-in member. */
@ApiTags('auth')
@Controller('api/auth/two-factor')
export class TwoFactorHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('set-up')
  @HttpCode(201)
  @AuthenticatedEndpoint()
  @ApiOperation({
    summary:
      'Get a new TOTP secret; two-factor sign-in is on once confirmed with a code. Needs the current ' +
      'password; while two-factor sign-in is on, also the current code of the old secret to replace it',
  })
  @BodySchema(TwoFactorSetUpBody)
  @ResponseSchema(201, TwoFactorSetUpResponse, 'The secret and its otpauth:// URI')
  @BadRequestDoc()
  @ApiTooManyRequestsResponse({
    description: 'Too many wrong passwords or codes for this account; see Retry-After',
  })
  async setUp(
    @ValidBody(TwoFactorSetUpBody) body: TwoFactorSetUpBody,
    @Req() request: RequestWithMember,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof TwoFactorSetUpResponse>> {
    const member = credentialOwner(request);
    try {
      return await this.commands.execute(
        new SetUpTwoFactorCommand(member.tenantId, member.userId, body.password, body.code),
      );
    } catch (error) {
      throw accountHttpError(error, reply);
    }
  }

  @Post('confirm')
  @HttpCode(204)
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Turn two-factor sign-in on with the current code from the new secret' })
  @BodySchema(TwoFactorCodeBody)
  @BadRequestDoc()
  @ApiConflictResponse({ description: 'No set-up was started' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes for this account; see Retry-After' })
  async confirm(
    @ValidBody(TwoFactorCodeBody) body: TwoFactorCodeBody,
    @Req() request: RequestWithMember,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const member = credentialOwner(request);
    try {
      await this.commands.execute(new ConfirmTwoFactorCommand(member.tenantId, member.userId, body.code));
    } catch (error) {
      throw accountHttpError(error, reply);
    }
  }

  @Post('disable')
  @HttpCode(204)
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Turn two-factor sign-in off; needs the current password and a current code' })
  @BodySchema(TwoFactorDisableBody)
  @BadRequestDoc()
  @ApiTooManyRequestsResponse({
    description: 'Too many wrong passwords or codes for this account; see Retry-After',
  })
  async disable(
    @ValidBody(TwoFactorDisableBody) body: TwoFactorDisableBody,
    @Req() request: RequestWithMember,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const member = credentialOwner(request);
    try {
      await this.commands.execute(
        new DisableTwoFactorCommand(member.tenantId, member.userId, body.password, body.code),
      );
    } catch (error) {
      throw accountHttpError(error, reply);
    }
  }
}
