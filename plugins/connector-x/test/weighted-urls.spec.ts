import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightedLength } from '../src/testing/index.js';
import { connectedX, rawCall, type ConnectedX } from './support/connected-x.js';

// network-apis.md 5.2: twitter-text counts every URL as 23, scheme or not, after NFC normalisation.
describe('X weighted length with URLs without a scheme', () => {
  let x: ConnectedX;
  beforeAll(async () => {
    x = await connectedX();
  });
  afterAll(() => x.close());

  let n = 0;
  /** The fake's verdict, through a raw create: 201 fits, 403 "too long". */
  const fakeStatus = async (text: string) => {
    n += 1;
    const created = await rawCall(`${x.setup.fake.url}/2/tweets`, {
      method: 'POST',
      token: x.credentials.accessToken,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `${text.slice(0, -3)}${String(n % 1000).padStart(3, '0')}` }),
    });
    return created.status;
  };
  const filler = (weight: number) => 'a'.repeat(weight);

  // Each URL part, and what it weighs besides the 23 of the URL itself.
  const cases = [
    { name: 'bare domain', url: 'example.com', extra: 0 },
    { name: 'www. and a path on .co', url: 'www.x.co/p', extra: 0 },
    { name: 'trailing punctuation', url: 'example.org/a/b.', extra: 1 },
    { name: 'emoji then URL', url: '🎉example.com', extra: 2 },
    { name: 'long path', url: `news.example.co.uk/${'p'.repeat(120)}`, extra: 0 },
  ];

  for (const { name, url, extra } of cases) {
    it(`${name}: the URL counts 23 in the connector's validate and in the fake`, async () => {
      const fits = `${url} ${filler(280 - 23 - extra - 1)}`;
      const over = `${url} ${filler(280 - 23 - extra)}`;
      expect(weightedLength(fits)).toBe(280);
      expect(weightedLength(over)).toBe(281);
      expect(await x.connector.validate({ text: fits })).toEqual([]);
      const issues = await x.connector.validate({ text: over });
      expect(issues).toMatchObject([{ code: 'text-too-long', actual: 281, limit: 280 }]);
      expect(await fakeStatus(fits)).toBe(201);
      expect(await fakeStatus(over)).toBe(403);
    });
  }

  it('what is not a URL is counted as text: e-mail, file name, bare country-code domain', async () => {
    for (const text of ['me@example.com', 'notes.md', 'example.jp', '$example.com']) {
      expect(weightedLength(text)).toBe(text.length);
      const padded = `${text} ${filler(280 - text.length - 1)}`;
      expect(await x.connector.validate({ text: padded })).toEqual([]);
      expect(await x.connector.validate({ text: `${padded}a` })).not.toEqual([]);
    }
  });

  it('normalises to NFC first: a decomposed é weighs 1', async () => {
    const decomposed = 'e\u0301'.repeat(280);
    expect(weightedLength(decomposed)).toBe(280);
    expect(await x.connector.validate({ text: decomposed })).toEqual([]);
    expect(await x.connector.validate({ text: `${decomposed}e` })).not.toEqual([]);
  });
});
