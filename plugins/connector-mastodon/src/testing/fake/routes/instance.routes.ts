import type { FakeRouter } from '../fake-router.js';
import { json } from '../fake-router.js';
import type { RouteDeps } from '../route-deps.js';

export function registerInstanceRoutes(router: FakeRouter, deps: RouteDeps): void {
  router.add('GET', '/api/v2/instance', () => json(200, deps.render.instance(deps.state.config)));
}
