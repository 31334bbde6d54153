import { ReauthRequiredError, type Credentials } from '@chorus/connector-sdk';

/** A Mastodon account id is only unique on its server: Chorus keys accounts as `<id>@<host>`. */
export function accountKey(id: string, instanceUrl: string): string {
  return `${id}@${new URL(instanceUrl).host}`;
}

export interface AccountRef {
  readonly id: string;
  readonly instanceUrl: string;
}

export function accountRef(credentials: Credentials): AccountRef {
  const instanceUrl = credentials.extra?.instanceUrl;
  const at = credentials.accountId.lastIndexOf('@');
  if (!instanceUrl || at <= 0) {
    throw new ReauthRequiredError('These Mastodon credentials lack their server; connect the account again.');
  }
  return { id: credentials.accountId.slice(0, at), instanceUrl };
}
