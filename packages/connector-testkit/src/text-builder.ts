import { countText, type TextRule } from '@chorus/connector-sdk';

// Characters that count differently per method: one grapheme of 4 UTF-16 units and 8 bytes, one of 2 and 3.
// The family emoji is one grapheme of 25 UTF-8 bytes: it reaches a byte limit within a grapheme limit
// (Bluesky: 3,000 bytes in 300 graphemes).
const PROBES = ['👍🏽', 'e\u0301', 'a', '👨\u200d👩\u200d👧\u200d👦'];

/**
 * A text exactly `target` units long under `rule` that also satisfies every other rule, built from characters
 * that make the counting methods disagree wherever possible; undefined when no such text can be built.
 */
export function textOfLength(
  rule: TextRule,
  target: number,
  others: readonly TextRule[],
): string | undefined {
  for (const probe of PROBES) {
    const unit = countText(probe, rule);
    if (unit === 0) {
      continue;
    }
    // Repeating a probe adds its count each time (none of them joins its neighbour into one grapheme).
    let text = probe.repeat(Math.floor(target / unit));
    while (countText(text, rule) < target) {
      const before = countText(text, rule);
      text += 'a';
      if (countText(text, rule) === before) {
        return undefined;
      }
    }
    if (countText(text, rule) !== target) {
      continue;
    }
    if (others.every((other) => countText(text, other) <= other.max)) {
      return text;
    }
  }
  return undefined;
}
