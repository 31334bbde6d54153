import { describe, expect } from 'vitest';
import {
  classifyError,
  createOAuthState,
  createPkcePair,
  type ConnectorManifest,
} from '@chorus/connector-sdk';
import type { HarnessHolder } from '../harness.js';
import { itWhenDeclared, required } from '../declared.js';

export function authContract(manifest: ConnectorManifest, holder: HarnessHolder, timeout: number): void {
  const auth = manifest.capabilities.auth;
  const oauth = auth.methods.includes('oauth2');
  const password = auth.methods.includes('app-password') || auth.methods.includes('token');
  describe('auth', () => {
    itWhenDeclared(
      oauth,
      'oauth2: the authorization URL carries the state and, with PKCE, an S256 challenge',
      'auth.methods has no oauth2',
      async () => {
        const { connector, setup } = holder.get();
        const flow = required(setup.auth.oauth2, 'setup.auth.oauth2');
        const pkce = createPkcePair();
        const state = createOAuthState();
        const start = await connector.auth.oauth2!.start({
          redirectUri: flow.redirectUri,
          state,
          codeChallenge: pkce.challenge,
          params: flow.params,
        });
        const url = new URL(start.url);
        expect(url.searchParams.get('state')).toBe(state);
        if (auth.pkce) {
          expect(url.searchParams.get('code_challenge')).toBe(pkce.challenge);
          expect(url.searchParams.get('code_challenge_method')).toBe('S256');
        }
      },
      timeout,
    );

    itWhenDeclared(
      oauth,
      'oauth2: the exchanged credentials are verified as the connected account',
      'auth.methods has no oauth2',
      async () => {
        const { connector, connectAgain } = holder.get();
        const credentials = await connectAgain();
        const profile = await connector.auth.verify(credentials);
        expect(profile.accountId).toBe(credentials.accountId);
        expect(profile.handle.length).toBeGreaterThan(0);
      },
      timeout,
    );

    itWhenDeclared(
      password,
      'app password or token: login yields credentials that verify as the account',
      'auth.methods has no app-password or token',
      async () => {
        const { connector, setup } = holder.get();
        const login = required(setup.auth.password, 'setup.auth.password');
        const credentials = await connector.auth.password!.login(login);
        expect((await connector.auth.verify(credentials)).accountId).toBe(credentials.accountId);
      },
      timeout,
    );

    itWhenDeclared(
      auth.refresh,
      'refresh returns credentials that work',
      'auth.refresh is false',
      async () => {
        const { connector, connectAgain } = holder.get();
        const refreshed = await connector.auth.refresh!(await connectAgain());
        expect((await connector.auth.verify(refreshed)).accountId).toBe(refreshed.accountId);
      },
      timeout,
    );

    itWhenDeclared(
      auth.revoke,
      'revoked credentials are refused as reauth-required',
      'auth.revoke is false',
      async () => {
        const { connector, connectAgain } = holder.get();
        const credentials = await connectAgain();
        await connector.auth.revoke!(credentials);
        const error = await connector.auth.verify(credentials).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error, 'verify() must fail once the credentials are revoked').toBeDefined();
        expect(classifyError(error, 'auth.verify').kind).toBe('reauth-required');
      },
      timeout,
    );
  });
}
