import { describe, expect, it } from 'vitest';
import { pageMetadata } from './page-metadata.js';

describe('pageMetadata', () => {
  it('reads OpenGraph tags in any attribute order, decoding entities and resolving the image', () => {
    const html = `<html><head><title>Fallback</title>
      <meta content="Caf&#233; &amp; &#x1F600; news" property="og:title">
      <meta property='og:description' content='Fresh &quot;beans&quot;'>
      <meta property="og:image" content="/img/card.png"></head></html>`;
    expect(pageMetadata(html, 'https://shop.example/post/1')).toEqual({
      title: 'Café & 😀 news',
      description: 'Fresh "beans"',
      imageUrl: 'https://shop.example/img/card.png',
    });
  });

  it('falls back to the title and the description meta tag', () => {
    const html = '<title>Plain page</title><meta name="description" content="About us">';
    expect(pageMetadata(html, 'https://example.com/')).toEqual({
      title: 'Plain page',
      description: 'About us',
      imageUrl: null,
    });
  });
});
