/** Snowflake-like ids as Mastodon issues them: milliseconds shifted left 16 bits plus a sequence, as strings. */
export class FakeIds {
  private lastMillis = 0;
  private sequence = 0;

  next(nowMillis: number): string {
    if (nowMillis <= this.lastMillis) {
      this.sequence += 1;
    } else {
      this.lastMillis = nowMillis;
      this.sequence = 0;
    }
    return ((BigInt(this.lastMillis) << 16n) | BigInt(this.sequence & 0xffff)).toString();
  }
}

/** Mastodon ids compare as big integers, never as JavaScript numbers. */
export function compareIds(left: string, right: string): number {
  const difference = BigInt(left) - BigInt(right);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}
