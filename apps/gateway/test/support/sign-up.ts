import type { Answer, Body, HttpClient } from './http-client.js';

export interface SignUpBody {
  agencyName: string;
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}

/**
 * Signs an agency up and its founder in, as the console does: sign-up answers 202 with no ids or token (it must
 * not tell a taken e-mail from a new one, ADR 0017), then sign-in gives the token and /api/me the ids. Answers
 * 201 with `{ token, userId, agencyId, workspaceId, expiresAt }` when both worked, else the failing answer.
 */
export async function signUpAndSignIn(api: HttpClient, options: { body: SignUpBody }): Promise<Answer> {
  const { email, password } = options.body;
  const signUp = await api.call('POST', '/api/auth/sign-up', { body: options.body });
  if (signUp.status !== 202) {
    return signUp;
  }
  const signIn = await api.call('POST', '/api/auth/sign-in', { body: { email, password } });
  if (signIn.status !== 200) {
    return signIn;
  }
  const me = await api.call('GET', '/api/me', { token: signIn.body.token });
  const { agency, workspaces } = me.body as unknown as {
    agency: { id: string };
    workspaces: { id: string }[];
  };
  const body = {
    token: signIn.body.token,
    userId: signIn.body.userId,
    expiresAt: signIn.body.expiresAt,
    agencyId: agency.id,
    workspaceId: workspaces[0]!.id,
  } as unknown as Body;
  return { status: 201, body, headers: signIn.headers };
}
