import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DocumentBlock } from './strategy-document-blocks.mapper.js';

const MARGIN = 50;

// The standard PDF fonts cover Latin only; DejaVu Sans also has Hebrew (and Italian's accents), embedded as a
// subset of the glyphs used.
const fontFile = (name: string): string =>
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
const FONTS = {
  regular: fontFile('DejaVuSans'),
  bold: fontFile('DejaVuSans-Bold'),
  oblique: fontFile('DejaVuSans-Oblique'),
} as const;

/** Hebrew and Arabic letters: a paragraph whose first strong letter is one of these reads right to left. */
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ANY_LETTER = /\p{L}/u;

/**
 * The same blocks as the HTML, drawn with pdfkit (pure JavaScript: no browser needed in embedded mode).
 * Right-to-left paragraphs are right-aligned; the font engine orders a right-to-left line's glyphs.
 */
export function renderStrategyDocumentPdf(blocks: readonly DocumentBlock[], title: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Creator: 'Chorus' } });
  pdf.registerFont('regular', FONTS.regular);
  pdf.registerFont('bold', FONTS.bold);
  pdf.registerFont('oblique', FONTS.oblique);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  for (const block of blocks) {
    draw(pdf, block);
  }
  pdf.end();
  return done;
}

function draw(pdf: PDFKit.PDFDocument, block: DocumentBlock): void {
  const width = pdf.page.width - 2 * MARGIN;
  switch (block.kind) {
    case 'title':
      pdf
        .font('bold')
        .fontSize(20)
        .text(block.text, { width, align: alignOf(block.text) })
        .moveDown(0.3);
      return;
    case 'heading':
      pdf
        .moveDown(0.8)
        .font('bold')
        .fontSize(14)
        .text(block.text, { width, align: alignOf(block.text) })
        .moveDown(0.3);
      return;
    case 'subheading':
      pdf
        .moveDown(0.4)
        .font('bold')
        .fontSize(11)
        .text(block.text, { width, align: alignOf(block.text) })
        .moveDown(0.2);
      return;
    case 'paragraph':
      pdf
        .font('regular')
        .fontSize(10)
        .text(block.text, { width, align: alignOf(block.text) })
        .moveDown(0.3);
      return;
    case 'note':
      pdf
        .font('oblique')
        .fontSize(9)
        .fillColor('#555555')
        .text(block.text, { width, align: alignOf(block.text) })
        .fillColor('black');
      pdf.moveDown(0.3);
      return;
    case 'list':
      pdf
        .font('regular')
        .fontSize(10)
        .list([...block.items], { width, bulletRadius: 1.5 })
        .moveDown(0.3);
      return;
    case 'table':
      drawTable(pdf, block.columns, block.rows, width);
      return;
  }
}

/** A plain grid: equal columns, rows as tall as their tallest cell, a new page when a row does not fit. */
function drawTable(
  pdf: PDFKit.PDFDocument,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
): void {
  const colWidth = width / Math.max(1, columns.length);
  const pad = 3;
  const drawRow = (cells: readonly string[], bold: boolean) => {
    pdf.font(bold ? 'bold' : 'regular').fontSize(8.5);
    const height =
      Math.max(
        ...cells.map((c) => pdf.heightOfString(c, { width: colWidth - 2 * pad })),
        pdf.currentLineHeight(),
      ) +
      2 * pad;
    if (pdf.y + height > pdf.page.height - MARGIN) {
      pdf.addPage();
    }
    const top = pdf.y;
    cells.forEach((cell, i) => {
      const left = MARGIN + i * colWidth;
      pdf.rect(left, top, colWidth, height).strokeColor('#999999').lineWidth(0.5).stroke();
      pdf.text(cell, left + pad, top + pad, { width: colWidth - 2 * pad, align: alignOf(cell) });
    });
    pdf.x = MARGIN;
    pdf.y = top + height;
  };
  if (!columns.every((c) => c === '')) {
    drawRow(columns, true);
  }
  for (const row of rows) {
    drawRow(row, false);
  }
  pdf.moveDown(0.6);
}

/** Where a paragraph starts: from its first strong letter, as the Unicode bidirectional algorithm does. */
function alignOf(text: string): 'left' | 'right' {
  for (const char of text) {
    if (RIGHT_TO_LEFT_LETTER.test(char)) {
      return 'right';
    }
    if (ANY_LETTER.test(char)) {
      return 'left';
    }
  }
  return 'left';
}
