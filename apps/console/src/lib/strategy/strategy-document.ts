/**
 * The strategy document's HTML (GET /strategy-document/html) read back into plain blocks, so the console
 * shows it with its own markup and styles: no foreign HTML is inserted into the page, and the strict CSP
 * (no inline styles) needs no exception.
 */
export type DocumentBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly note: boolean }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
    };

const text = (element: Element): string => element.textContent?.trim() ?? '';

export function documentBlocks(html: string, parser: DOMParser = new DOMParser()): DocumentBlock[] {
  const body = parser.parseFromString(html, 'text/html').body;
  const blocks: DocumentBlock[] = [];
  for (const element of Array.from(body.children)) {
    switch (element.tagName) {
      case 'H1':
      case 'H2':
      case 'H3':
        blocks.push({ kind: 'heading', level: Number(element.tagName[1]) as 1 | 2 | 3, text: text(element) });
        break;
      case 'P':
        blocks.push({ kind: 'paragraph', text: text(element), note: element.classList.contains('note') });
        break;
      case 'UL':
        blocks.push({ kind: 'list', items: Array.from(element.querySelectorAll('li'), text) });
        break;
      case 'TABLE':
        blocks.push({
          kind: 'table',
          columns: Array.from(element.querySelectorAll('thead th'), text),
          rows: Array.from(element.querySelectorAll('tbody tr'), (row) =>
            Array.from(row.querySelectorAll('td'), text),
          ),
        });
        break;
      default:
        if (text(element) !== '') {
          blocks.push({ kind: 'paragraph', text: text(element), note: false });
        }
    }
  }
  return blocks;
}
