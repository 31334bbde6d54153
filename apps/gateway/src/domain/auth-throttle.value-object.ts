/** How many failures a key may have in a window before it is locked, and for how long. */
export interface ThrottleRule {
  readonly maxFailures: number;
  readonly windowSeconds: number;
  readonly lockSeconds: number;
}

/**
 * A key allows `maxFailures` attempts per window; the next one is refused and locks the key for `lockSeconds`.
 * Per e-mail: five wrong passwords in 15 minutes lock that e-mail for 15 minutes, whether or not it has an
 * account (the answer must not tell). Per address: a wider budget, so one office behind one address can work
 * while a password sprayer cannot.
 */
export const SIGN_IN_THROTTLE: Readonly<Record<'email' | 'ip', ThrottleRule>> = {
  email: { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  ip: { maxFailures: 50, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
};

/**
 * Sign-up attempts, each counted (a sign-up is never "given back"): per e-mail a few an hour, whether the address
 * is new or taken (the answer must not tell); per address enough for an office, not for an agency factory.
 */
export const SIGN_UP_THROTTLE: Readonly<Record<'email' | 'ip', ThrottleRule>> = {
  email: { maxFailures: 5, windowSeconds: 3600, lockSeconds: 3600 },
  ip: { maxFailures: 50, windowSeconds: 3600, lockSeconds: 3600 },
};

/**
 * Password-reset requests, each counted: three per e-mail per hour, so nobody floods a mailbox through us, known
 * e-mail or not; per address, so one client cannot walk a list of e-mails.
 */
export const RESET_THROTTLE: Readonly<Record<'email' | 'ip', ThrottleRule>> = {
  email: { maxFailures: 3, windowSeconds: 3600, lockSeconds: 3600 },
  ip: { maxFailures: 50, windowSeconds: 3600, lockSeconds: 3600 },
};

/**
 * Completing a reset: per address, wrong or spent links are failures (a success gives its attempt back); per
 * account, a few new passwords an hour, whichever of its links they come with.
 */
export const RESET_COMPLETION_THROTTLE: Readonly<Record<'email' | 'ip', ThrottleRule>> = {
  email: { maxFailures: 5, windowSeconds: 3600, lockSeconds: 3600 },
  ip: { maxFailures: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
};

/** "Someone tried to sign up with your address" mails: three per address per hour, then silence. */
export const SIGN_UP_NOTICE_THROTTLE: ThrottleRule = {
  maxFailures: 3,
  windowSeconds: 3600,
  lockSeconds: 3600,
};

/** Two-factor codes checked for a signed-in member (confirm, disable): like sign-in, per account. */
export const TWO_FACTOR_THROTTLE: ThrottleRule = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};

export interface ThrottleKey {
  readonly key: string;
  readonly rule: ThrottleRule;
}

/** The e-mail as a key: trimmed and lower-cased, as accounts store it, so `A@x` and ` a@x` share a budget. */
function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/** The e-mail key first (the one a good password forgives), then the address's. */
function perEmailAndAddress(
  action: string,
  rules: Readonly<Record<'email' | 'ip', ThrottleRule>>,
  email: string,
  ip: string,
): ThrottleKey[] {
  return [
    { key: `${action}:email:${emailKeyOf(email)}`, rule: rules.email },
    { key: `${action}:ip:${clientNetworkOf(ip)}`, rule: rules.ip },
  ];
}

export function signInThrottleKeys(email: string, ip: string): ThrottleKey[] {
  return perEmailAndAddress('sign-in', SIGN_IN_THROTTLE, email, ip);
}

export function signUpThrottleKeys(email: string, ip: string): ThrottleKey[] {
  return perEmailAndAddress('sign-up', SIGN_UP_THROTTLE, email, ip);
}

export function resetThrottleKeys(email: string, ip: string): ThrottleKey[] {
  return perEmailAndAddress('reset', RESET_THROTTLE, email, ip);
}

/** Before the link is looked up: only the address is known. */
export function resetCompletionAddressKeys(ip: string): ThrottleKey[] {
  return [{ key: `reset-complete:ip:${clientNetworkOf(ip)}`, rule: RESET_COMPLETION_THROTTLE.ip }];
}

/** Once the link names its account. */
export function resetCompletionAccountKeys(email: string): ThrottleKey[] {
  return [{ key: `reset-complete:email:${emailKeyOf(email)}`, rule: RESET_COMPLETION_THROTTLE.email }];
}

export function twoFactorThrottleKeys(memberId: string): ThrottleKey[] {
  return [{ key: `two-factor:member:${memberId}`, rule: TWO_FACTOR_THROTTLE }];
}

export function signUpNoticeThrottleKeys(email: string): ThrottleKey[] {
  return [{ key: `sign-up-notice:email:${emailKeyOf(email)}`, rule: SIGN_UP_NOTICE_THROTTLE }];
}

/**
 * The network a client address stands for in a per-address key: an IPv4 address itself (an IPv4-mapped IPv6
 * one unwrapped), an IPv6 address its /64, the smallest block one subscriber gets; keyed by the whole
 * address, one host would have 2^64 fresh budgets.
 */
export function clientNetworkOf(ip: string): string {
  const bare = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped !== null) {
    return mapped[1]!;
  }
  const groups = ipv6Groups(bare);
  return groups === null ? bare : `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (hex, no leading zeros), or null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  if (!address.includes(':')) {
    return null;
  }
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4 !== null) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) {
    return null;
  }
  const part = (half: string | undefined) => (half === undefined || half === '' ? [] : half.split(':'));
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) {
    return null;
  }
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) {
    return null;
  }
  return groups.map((g) => parseInt(g, 16).toString(16));
}
