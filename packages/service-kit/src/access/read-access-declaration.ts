import type { Reflector } from '@nestjs/core';
import type { Type } from '@nestjs/common';
import { ACCESS_METADATA, type AccessDeclaration } from './access-declaration.js';

/** The method's declaration wins over the controller's. */
export function readAccessDeclaration(
  reflector: Reflector,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest's own type for route handlers
  handler: Function,
  controller: Type<unknown>,
): AccessDeclaration | undefined {
  return reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [handler, controller]);
}
