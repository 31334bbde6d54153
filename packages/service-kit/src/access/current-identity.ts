import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Identity } from '@chorus/access';
import type { RequestWithIdentity } from './identity-request.js';

/** The verified caller; only on routes that are not public. */
export const CurrentIdentity = createParamDecorator((_data: unknown, ctx: ExecutionContext): Identity => {
  const identity = ctx.switchToHttp().getRequest<RequestWithIdentity>().identity;
  if (identity === undefined) {
    throw new UnauthorizedException('This route needs a signed-in caller');
  }
  return identity;
});
