import type { DocumentBlock } from './strategy-document-blocks.mapper.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every text in the document passes here: names, missions and notes are user-entered. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
  body { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; margin: 2.5rem auto; max-width: 52rem; padding: 0 1.5rem; }
  h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #222; padding-bottom: .2rem; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
  p.note { color: #555; font-size: .9rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
  th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: start; vertical-align: top; }
  th { background: #f0f0f0; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, tr { break-inside: avoid; } }
`;

/** A standalone, printable page; also the source of the console's /strategy page. */
export function renderStrategyDocumentHtml(blocks: readonly DocumentBlock[], title: string): string {
  const body = blocks.map(renderBlock).join('\n');
  return `<!doctype html>
<html lang="en" dir="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function renderBlock(block: DocumentBlock): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'subheading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = block.columns.every((c) => c === '')
        ? ''
        : `<thead><tr>${block.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
      const rows = block.rows
        .map((r) => `<tr>${r.map((cell) => `<td dir="auto">${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('');
      return `<table>${head}<tbody>${rows}</tbody></table>`;
    }
  }
}
