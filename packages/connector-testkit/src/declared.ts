import { it } from 'vitest';

/**
 * Declares a test when the manifest declares the capability, and otherwise a skipped test whose name says so:
 * a skip is never counted as a pass of something declared.
 */
export function itWhenDeclared(
  declared: boolean,
  name: string,
  because: string,
  test: () => Promise<void>,
  timeout: number,
): void {
  if (declared) {
    it(name, test, timeout);
  } else {
    it.skip(`${name} — not declared by the manifest (${because})`, test);
  }
}

/** A test that fails, with what to fix, when the setup lacks something the manifest's declarations need. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`The manifest's declarations need ${what}, which the contract setup does not provide.`);
  }
  return value;
}
