import { describe, expect, it } from 'vitest';
import { countText, type TextRule } from '@chorus/connector-sdk';
import { textOfLength } from './text-builder.js';

const rule = (counting: TextRule['counting'], max: number): TextRule => ({
  counting,
  max,
  ignoreMentionDomains: false,
});

describe('textOfLength', () => {
  it('builds a text of exactly N units that other methods count differently', () => {
    const text = textOfLength(rule('graphemes', 300), 300, [])!;
    expect(countText(text, rule('graphemes', 300))).toBe(300);
    expect(countText(text, rule('utf16', 1))).toBeGreaterThan(300);
  });

  it('respects the other rules that must hold too (300 graphemes and 3000 bytes)', () => {
    const bytes = rule('utf8-bytes', 1000);
    const text = textOfLength(rule('graphemes', 300), 300, [bytes])!;
    expect(countText(text, rule('graphemes', 300))).toBe(300);
    expect(countText(text, bytes)).toBeLessThanOrEqual(1000);
  });

  it('reaches odd counts in UTF-16 and bytes', () => {
    expect(countText(textOfLength(rule('utf16', 11), 11, [])!, rule('utf16', 11))).toBe(11);
    expect(countText(textOfLength(rule('utf8-bytes', 3001), 3001, [])!, rule('utf8-bytes', 3001))).toBe(3001);
  });
});
