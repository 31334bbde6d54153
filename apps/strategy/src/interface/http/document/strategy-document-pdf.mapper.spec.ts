import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderStrategyDocumentPdf } from './strategy-document-pdf.mapper.js';

/** The PDF's streams, inflated: pdfkit compresses page contents, fonts and their Unicode maps. */
function inflatedStreams(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      streams.push(inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1'));
    } catch {
      streams.push(match[1]!); // not compressed
    }
  }
  return streams.join('\n');
}

describe('renderStrategyDocumentPdf', () => {
  it('writes a PDF with the title in its metadata, breaking long tables across pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Row ${i}`, 'value']);
    const pdf = await renderStrategyDocumentPdf(
      [
        { kind: 'title', text: 'Social media strategy: Acme' },
        { kind: 'table', columns: ['Name', 'Value'], rows },
      ],
      'Social media strategy: Acme',
    );
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('Social media strategy: Acme');
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
  });

  it('embeds a font with the Hebrew letters a Hebrew plan uses, and the accented letters of an Italian one', async () => {
    const pdf = await renderStrategyDocumentPdf(
      [
        { kind: 'title', text: 'אסטרטגיה לרשתות חברתיות' },
        { kind: 'paragraph', text: 'Perché la qualità conta' },
      ],
      'אסטרטגיה',
    );
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    const unicodeMaps = inflatedStreams(pdf).toLowerCase();
    // ToUnicode maps of the embedded subsets: the title has samekh, tav and gimel; the paragraph é and à.
    for (const letter of ['05e1', '05ea', '05d2', '00e9', '00e0']) {
      expect(unicodeMaps).toContain(`<${letter}>`);
    }
  });
});
