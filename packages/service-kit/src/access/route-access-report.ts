import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { AccessDeclaration } from './access-declaration.js';
import { readAccessDeclaration } from './read-access-declaration.js';

export interface RouteAccess {
  readonly route: string; // 'POST goals' (controller path + method path)
  readonly handler: string; // 'GoalsHttpController.setGoal'
  readonly declaration: AccessDeclaration | undefined;
}

/** Every HTTP route of an app with the access rule it declares; a test fails the build on an undeclared one. */
export function routeAccessReport(app: INestApplication): RouteAccess[] {
  const reflector = new Reflector();
  const routes: RouteAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (controller === null || controller === undefined) {
        continue;
      }
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') {
          continue;
        }
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) {
          continue;
        }
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
        routes.push({
          route: `${method} /${[base, path].filter((p) => p !== '' && p !== '/').join('/')}`,
          handler: `${controller.name}.${name}`,
          declaration: readAccessDeclaration(reflector, handler, controller),
        });
      }
    }
  }
  return routes;
}
