// Fails (exit 1) when the console's catalogues disagree or a .svelte file shows text that is not translated:
// - a key present in one language and missing in another (or an empty message);
// - a {placeholder} in one language's message that another language's message lacks;
// - a key used as t('key') that no catalogue has;
// - literal text in the markup of a .svelte file, or in a human-read attribute (aria-label, title, alt,
//   placeholder, label): every word a person reads comes from the catalogues through t().
// Run by `npm run lint -w @chorus/console`. Usage: node scripts/check-i18n.mjs [console root]
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'svelte/compiler';

const LANGUAGES = ['en', 'he', 'it'];
const HUMAN_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'label', 'aria-placeholder']);
/** Names that stay the same in every language. */
const UNTRANSLATED_NAMES = new Set(['Chorus']);
const LETTER = /\p{L}/u;

export async function checkI18n(root) {
  const problems = [];
  const catalogues = {};
  for (const language of LANGUAGES) {
    catalogues[language] = JSON.parse(
      await readFile(join(root, 'src/lib/i18n/messages', `${language}.json`), 'utf8'),
    );
  }
  const allKeys = new Set(LANGUAGES.flatMap((language) => Object.keys(catalogues[language])));
  for (const key of [...allKeys].sort()) {
    const placeholders = new Map();
    for (const language of LANGUAGES) {
      const message = catalogues[language][key];
      if (typeof message !== 'string' || message.trim() === '') {
        problems.push(`${language}.json: the key "${key}" is missing; add its ${language} translation`);
        continue;
      }
      placeholders.set(
        language,
        [...message.matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(','),
      );
    }
    if (new Set(placeholders.values()).size > 1) {
      problems.push(
        `"${key}": the languages use different {placeholders} (${[...placeholders].map(([l, p]) => `${l}: ${p || 'none'}`).join('; ')})`,
      );
    }
  }

  for (const file of await sourceFiles(join(root, 'src'))) {
    const source = await readFile(file, 'utf8');
    const where = relative(root, file);
    for (const match of source.matchAll(/\bt\(\s*'([^']+)'/g)) {
      if (!allKeys.has(match[1])) {
        problems.push(`${where}: t('${match[1]}') uses a key no catalogue has; add it to every language`);
      }
    }
    if (file.endsWith('.svelte')) {
      for (const text of untranslatedTexts(parse(source, { modern: true }).fragment)) {
        problems.push(`${where}: untranslated text "${text}"; put it in the catalogues and use t()`);
      }
    }
  }
  return problems;
}

/** Literal text a person reads, anywhere in the markup (scripts and styles are not part of the fragment). */
function untranslatedTexts(node, found = []) {
  if (Array.isArray(node)) {
    for (const child of node) {
      untranslatedTexts(child, found);
    }
    return found;
  }
  if (node === null || typeof node !== 'object') {
    return found;
  }
  if (node.type === 'Text') {
    report(node.data, found);
    return found;
  }
  if (node.type === 'Attribute') {
    if (HUMAN_ATTRIBUTES.has(node.name) && Array.isArray(node.value)) {
      for (const part of node.value) {
        if (part.type === 'Text') {
          report(part.data, found);
        }
      }
    }
    return found;
  }
  if (node.type === 'ExpressionTag' || node.type === 'Script' || node.type === 'StyleSheet') {
    return found;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'parent' && key !== 'metadata') {
      untranslatedTexts(value, found);
    }
  }
  return found;
}

function report(text, found) {
  const words = text.trim();
  const rest = [...UNTRANSLATED_NAMES].reduce((left, name) => left.replaceAll(name, ''), words);
  if (LETTER.test(rest)) {
    found.push(words.replace(/\s+/g, ' '));
  }
}

async function sourceFiles(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await sourceFiles(path)));
    } else if (/\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
      files.push(path);
    }
  }
  return files;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', '..'));
  const problems = await checkI18n(root);
  if (problems.length > 0) {
    console.error(`i18n: ${problems.length} problem(s) in the console's translations:\n`);
    for (const problem of problems) {
      console.error(`  ${problem}`);
    }
    process.exitCode = 1;
  } else {
    console.log(`i18n: ${LANGUAGES.join(', ')} have the same keys; no untranslated text in the markup.`);
  }
}
