/**
 * JSON.parse for Graph answers that never lets an id lose digits: Graph ids (Instagram's 17841...) pass 2^53,
 * and a few answers carry them as bare numbers (Instagram Login's `user_id`). Before parsing, any integer too
 * large for a double, and any integer under a key named `id` or `*_id`, is turned into a string. Throws as
 * JSON.parse does on malformed text.
 */
export function parseGraphJson(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text)) as unknown;
}

const ID_KEY = /(^|_)id$/u;
const NUMBER_START = /[-0-9]/u;
const NUMBER_CHAR = /[-+0-9.eE]/u;

function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let index = 0;
  let lastKey = '';
  let lastString = '';
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      const end = endOfString(text, index);
      lastString = text.slice(index, end);
      out += lastString;
      index = end;
      continue;
    }
    if (char === ':') {
      lastKey = lastString;
    } else if (char === ',' || char === '{' || char === '[') {
      lastKey = ''; // what follows is a new key or an array element
    }
    if (NUMBER_START.test(char)) {
      let end = index;
      while (end < text.length && NUMBER_CHAR.test(text[end]!)) {
        end += 1;
      }
      const token = text.slice(index, end);
      out += mustQuote(token, lastKey) ? `"${token}"` : token;
      lastKey = '';
      index = end;
      continue;
    }
    out += char;
    index += 1;
  }
  return out;
}

/** Index just past the closing quote of the string starting at `start` (escapes skipped). */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === '\\') {
      index += 2;
    } else if (text[index] === '"') {
      return index + 1;
    } else {
      index += 1;
    }
  }
  return text.length;
}

function mustQuote(token: string, key: string): boolean {
  if (!/^-?\d+$/u.test(token)) {
    return false;
  }
  const isIdKey = key.length > 2 && ID_KEY.test(key.slice(1, -1));
  return isIdKey || !Number.isSafeInteger(Number(token));
}
