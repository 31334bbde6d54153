import { Controller, HttpCode, Inject, Optional, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  AuthenticatedEndpoint,
  BadRequestDoc,
  BodySchema,
  PublicEndpoint,
  ResponseSchema,
  ValidBody,
  bearerToken,
  type RequestWithMember,
} from '@chorus/service-kit';
import { SignInCommand } from '../../application/commands/sign-in/sign-in.command.js';
import { SignOutCommand } from '../../application/commands/sign-out/sign-out.command.js';
import { SignUpCommand } from '../../application/commands/sign-up/sign-up.command.js';
import { accountHttpError } from './account-http.errors.js';
import { SignInBody, SignInResponse } from './dto/sign-in.dto.js';
import { SignUpBody, SignUpResponse } from './dto/sign-up.dto.js';
import { PUBLIC_URL } from '../../gateway.tokens.js';
import { SIGN_IN_PATH, clearSessionCookies, cookiePolicyOf } from './session-cookie.mapper.js';
import { SameOriginJson } from './same-origin-json.guard.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {}

  @Post('sign-up')
  @HttpCode(202)
  @PublicEndpoint()
  @SameOriginJson()
  @ApiOperation({
    summary:
      'Create an agency with its first workspace and admin, then sign in (POST /api/auth/session or ' +
      '/api/auth/sign-in). The answer is the same when the e-mail already has an account: its owner is ' +
      'e-mailed instead, and nothing is created',
  })
  @BodySchema(SignUpBody)
  @ResponseSchema(202, SignUpResponse, 'Accepted: sign in with this e-mail and password')
  @BadRequestDoc()
  @ApiTooManyRequestsResponse({
    description:
      'Too many sign-ups for this e-mail or from this address (answered alike for a new and a taken e-mail); ' +
      'see Retry-After',
  })
  async signUp(
    @ValidBody(SignUpBody) body: SignUpBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof SignUpResponse>> {
    try {
      await this.commands.execute(new SignUpCommand(body, request.ip));
    } catch (error) {
      throw accountHttpError(error, reply);
    }
    return {
      message:
        'Sign in with this e-mail and password to start. If you cannot, this address may already have an ' +
        'account: its owner has been e-mailed.',
      signIn: SIGN_IN_PATH,
    };
  }

  @Post('sign-in')
  @HttpCode(200)
  @PublicEndpoint()
  @SameOriginJson()
  @ApiOperation({
    summary: 'Exchange e-mail and password (and the two-factor code when on) for an API token',
  })
  @BodySchema(SignInBody)
  @ResponseSchema(200, SignInResponse, 'A new API token')
  @BadRequestDoc()
  @ApiUnauthorizedResponse({
    description: 'Wrong e-mail or password, or error second-factor-required: send totpCode',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many failures for this e-mail or address; see Retry-After',
  })
  async signIn(
    @ValidBody(SignInBody) body: SignInBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof SignInResponse>> {
    try {
      const result = await this.commands.execute(
        new SignInCommand(body.email, body.password, { totpCode: body.totpCode, ip: request.ip }),
      );
      return { ...result, expiresAt: result.expiresAt.toISOString() };
    } catch (error) {
      throw accountHttpError(error, reply);
    }
  }

  @Post('sign-out')
  @HttpCode(204)
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Revoke the API token or browser session this request carries' })
  async signOut(
    @Req() request: RequestWithMember,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const token = bearerToken(request.headers.authorization);
    if (token !== undefined) {
      await this.commands.execute(new SignOutCommand(token));
    }
    if (request.member?.credential === 'session') {
      clearSessionCookies(cookiePolicyOf(this.publicUrl), reply);
    }
  }
}
