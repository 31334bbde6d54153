import type { FakeRouter } from '../fake-router.js';
import { json } from '../fake-router.js';
import { asArray, validationFailed, type RouteDeps } from '../route-deps.js';

export function registerAppRoutes(router: FakeRouter, deps: RouteDeps): void {
  router.add('POST', '/api/v1/apps', (request) => {
    const params = request.params;
    const name = typeof params.client_name === 'string' ? params.client_name.trim() : '';
    if (!name) {
      return validationFailed("Application name can't be blank");
    }
    const redirectUris = asArray(params.redirect_uris)
      .flatMap((uri) => uri.split(/\s+/u))
      .filter(Boolean);
    if (redirectUris.length === 0) {
      return validationFailed("Redirect URI can't be blank");
    }
    for (const uri of redirectUris) {
      if (uri !== 'urn:ietf:wg:oauth:2.0:oob' && !URL.canParse(uri)) {
        return validationFailed('Redirect URI must be an absolute URI.');
      }
    }
    const scopes = asArray(params.scopes)
      .flatMap((scope) => scope.split(/\s+/u))
      .filter(Boolean);
    const app = deps.state.registerApp({
      name,
      website: typeof params.website === 'string' ? params.website : null,
      redirectUris,
      scopes: scopes.length > 0 ? scopes : ['read'],
    });
    return json(200, deps.render.application(app));
  });
}
