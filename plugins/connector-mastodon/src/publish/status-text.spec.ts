import { describe, expect, it } from 'vitest';
import { comparableText, htmlToText, statusText } from './status-text.js';

describe('status text', () => {
  it("reads Mastodon's HTML back as the text that was sent", () => {
    const html =
      '<p>Hello <span class="h-card" translate="no"><a href="https://x.social/@ann" class="u-url mention">@<span>ann</span></a></span> &amp; all</p>' +
      '<p>see <a href="https://example.com/a/very/long/path/indeed" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very/long/path/</span><span class="invisible">indeed</span></a><br />bye</p>';
    expect(htmlToText(html)).toBe('Hello @ann & all\n\nsee https://example.com/a/very/long/path/indeed\nbye');
  });

  it('compares texts without mention domains and with white space collapsed', () => {
    expect(comparableText('Hi  @ann@x.social\n\nthere')).toBe(comparableText('Hi @ann there'));
  });

  it('appends the link when the text does not carry it', () => {
    expect(statusText({ text: 'Read', link: { url: 'https://example.com' } })).toBe(
      'Read\n\nhttps://example.com',
    );
    expect(statusText({ text: 'Read https://example.com', link: { url: 'https://example.com' } })).toBe(
      'Read https://example.com',
    );
  });
});
