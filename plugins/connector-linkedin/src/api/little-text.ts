// Reserved characters of LinkedIn's little-text format (6.3): left unescaped they can truncate the post.
const RESERVED = /[\\|{}@[\]()<>#*_~]/gu;

/** Commentary as LinkedIn reads it: every reserved character escaped, so the text shows exactly as written. */
export function escapeLittleText(text: string): string {
  return text.replace(RESERVED, (char) => `\\${char}`);
}

/** The text members see, from a commentary (escapes removed, mentions shown as their names). */
export function readLittleText(commentary: string): string {
  return commentary
    .replace(/@\[([^\]]*)\]\(urn:li:[a-z]+:[^)]+\)/gu, '$1')
    .replace(/\{hashtag\|\\#\|([^}]+)\}/gu, '#$1')
    .replace(/\\([\\|{}@[\]()<>#*_~])/gu, '$1');
}
