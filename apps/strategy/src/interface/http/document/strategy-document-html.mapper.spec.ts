import { describe, expect, it } from 'vitest';
import { escapeHtml, renderStrategyDocumentHtml } from './strategy-document-html.mapper.js';

describe('renderStrategyDocumentHtml', () => {
  it('escapes every user-entered text: titles, paragraphs, list items and table cells', () => {
    const evil = `<script>alert("x")</script> & 'quotes'`;
    const html = renderStrategyDocumentHtml(
      [
        { kind: 'title', text: evil },
        { kind: 'paragraph', text: evil },
        { kind: 'list', items: [evil] },
        { kind: 'table', columns: [evil], rows: [[evil]] },
      ],
      evil,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(`"x"`);
    expect(
      html.match(/&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quotes&#39;/g),
    ).toHaveLength(6);
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
