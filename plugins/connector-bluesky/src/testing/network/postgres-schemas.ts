import { randomInt } from 'node:crypto';

// The AppView and Ozone accept schema names of letters and underscores only, so times are written in letters.
const PREFIX = 'chorus_bsky_';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const STALE_AFTER_MS = 6 * 3600 * 1000;

/** A schema name unique to one network start, carrying its start time so that leftovers can be swept. */
export function newSchemaName(now: number = Date.now()): string {
  const random = Array.from({ length: 6 }, () => LETTERS[randomInt(26)]).join('');
  return `${PREFIX}${toLetters(Math.floor(now / 1000))}_${random}`;
}

/** The schemas dev-env creates for one base name: the AppView's and Ozone's. */
export function schemasOf(base: string): string[] {
  return [`appview_${base}`, `ozone_${base}`];
}

/** Schemas left by networks that started over six hours ago (a run that crashed), safe to drop. */
export function staleSchemas(existing: readonly string[], now: number = Date.now()): string[] {
  return existing.filter((name) => {
    const match = /^(?:appview|ozone)_chorus_bsky_([a-z]+)_[a-z]+$/u.exec(name);
    return match !== null && now - fromLetters(match[1]!) * 1000 > STALE_AFTER_MS;
  });
}

function toLetters(value: number): string {
  let out = '';
  let rest = value;
  do {
    out = LETTERS[rest % 26]! + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

function fromLetters(text: string): number {
  return [...text].reduce((value, letter) => value * 26 + LETTERS.indexOf(letter), 0);
}
