/** The `sr` to submit to: the setting without `r/`, or the account's profile `u_<username>` (12.2). */
export function subredditOf(setting: string | undefined, username: string): string {
  return setting ? setting.replace(/^r\//u, '') : `u_${username}`;
}
