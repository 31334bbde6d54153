/** How many failures a key may have in a window before it is locked, and for how long. */
export interface ThrottleRule {
  readonly maxFailures: number;
  readonly windowSeconds: number;
  readonly lockSeconds: number;
}

/**
 * Per e-mail: five wrong passwords in 15 minutes lock that e-mail for 15 minutes, whether or not it has an
 * account (the answer must not tell). Per address: a wider budget, so one office behind one address can work
 * while a password sprayer cannot.
 */
export const SIGN_IN_THROTTLE: Readonly<Record<'email' | 'ip', ThrottleRule>> = {
  email: { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  ip: { maxFailures: 50, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
};

/** Password-reset requests: three per e-mail per hour, so nobody floods a mailbox through us. */
export const RESET_THROTTLE: ThrottleRule = { maxFailures: 3, windowSeconds: 3600, lockSeconds: 3600 };

export interface ThrottleKey {
  readonly key: string;
  readonly rule: ThrottleRule;
}

export function signInThrottleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { key: `sign-in:email:${email.trim().toLowerCase()}`, rule: SIGN_IN_THROTTLE.email },
    { key: `sign-in:ip:${ip}`, rule: SIGN_IN_THROTTLE.ip },
  ];
}

export function resetThrottleKeys(email: string): ThrottleKey[] {
  return [{ key: `reset:email:${email.trim().toLowerCase()}`, rule: RESET_THROTTLE }];
}
