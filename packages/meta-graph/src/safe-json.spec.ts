import { describe, expect, it } from 'vitest';
import { parseGraphJson } from './safe-json.js';

// Graph ids pass 2^53 (Instagram's 17841...): as JSON numbers they would lose their last digits.
describe('parseGraphJson', () => {
  it('keeps an integer beyond 2^53 exactly, as a string', () => {
    const parsed = parseGraphJson(
      '{"access_token":"IGQV","user_id":17841405793187219,"n":[90071992547409931]}',
    );
    expect(parsed).toEqual({ access_token: 'IGQV', user_id: '17841405793187219', n: ['90071992547409931'] });
    // What plain JSON.parse would have kept:
    expect(String((JSON.parse('{"user_id":17841405793187219}') as { user_id: number }).user_id)).not.toBe(
      '17841405793187219',
    );
  });

  it('turns numbers under id keys into strings and leaves other numbers, strings and escapes alone', () => {
    const text =
      '{"id":123,"media_id":-7,"count":42,"ratio":1.5,"big":1e300,"text":"id\\":5, \\"x\\" 17841405793187219","nested":{"parent_id":9,"likes":[1,2]}}';
    expect(parseGraphJson(text)).toEqual({
      id: '123',
      media_id: '-7',
      count: 42,
      ratio: 1.5,
      big: 1e300,
      text: 'id":5, "x" 17841405793187219',
      nested: { parent_id: '9', likes: [1, 2] },
    });
  });

  it('throws on malformed text, as JSON.parse does', () => {
    expect(() => parseGraphJson('{"id": 1')).toThrow(SyntaxError);
  });
});
