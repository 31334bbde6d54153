import { describe, expect, it } from 'vitest';
import { resolveEntry } from './resolve-entry.js';

describe('resolveEntry', () => {
  const pkg = {
    exports: {
      '.': { '@chorus/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
    },
  };

  it('follows the package order of conditions, as Node does', () => {
    expect(resolveEntry('/p', pkg, ['import'])).toBe('/p/dist/index.js');
    expect(resolveEntry('/p', pkg, ['@chorus/source', 'import'])).toBe('/p/src/index.ts');
  });

  it('accepts a string export, a root conditions object, and main', () => {
    expect(resolveEntry('/p', { exports: './index.js' }, [])).toBe('/p/index.js');
    expect(resolveEntry('/p', { exports: { import: './esm.js', require: './cjs.js' } }, ['import'])).toBe(
      '/p/esm.js',
    );
    expect(resolveEntry('/p', { main: 'lib/main.js' }, [])).toBe('/p/lib/main.js');
    expect(resolveEntry('/p', { exports: { './other': './other.js' } }, [])).toBeUndefined();
  });
});
