import { Controller, HttpCode, Inject, Optional, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { BadRequestDoc, BodySchema, PublicEndpoint, ResponseSchema, ValidBody } from '@chorus/service-kit';
import { SignInCommand } from '../../application/commands/sign-in/sign-in.command.js';
import { ApiToken } from '../../domain/api-token.value-object.js';
import { accountHttpError } from './account-http.errors.js';
import { SessionResponse, SignInBody } from './dto/sign-in.dto.js';
import { PUBLIC_URL } from '../../gateway.tokens.js';
import { cookiePolicyOf, setSessionCookies } from './session-cookie.mapper.js';
import { SameOriginJson } from './same-origin-json.guard.js';

/** The console's sign-in: a session in an httpOnly cookie, with its CSRF token. */
@ApiTags('auth')
@Controller('api/auth/session')
export class SessionHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {}

  @Post()
  @HttpCode(201)
  @PublicEndpoint()
  @SameOriginJson()
  @ApiOperation({
    summary:
      'Sign in a browser: sets the httpOnly chorus_session cookie and the chorus_csrf cookie (12 h; named ' +
      '__Host-chorus_session and __Host-chorus_csrf behind an https public URL); writes must send ' +
      'x-csrf-token. Sign out with POST /api/auth/sign-out',
  })
  @BodySchema(SignInBody)
  @ResponseSchema(201, SessionResponse, 'Signed in; the cookies are set')
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
  ): Promise<z.infer<typeof SessionResponse>> {
    try {
      const result = await this.commands.execute(
        new SignInCommand(body.email, body.password, {
          kind: 'session',
          totpCode: body.totpCode,
          ip: request.ip,
        }),
      );
      const csrfToken = ApiToken.csrfTokenOf(result.token);
      setSessionCookies(cookiePolicyOf(this.publicUrl), reply, {
        session: result.token,
        csrf: csrfToken,
        expiresAt: result.expiresAt,
        overHttps: request.protocol === 'https',
      });
      return { userId: result.userId, csrfToken, expiresAt: result.expiresAt.toISOString() };
    } catch (error) {
      throw accountHttpError(error, reply);
    }
  }
}
