import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containsGlyph, glyphOf } from './glyphs.ts';

const dir = dirname(createRequire(import.meta.url).resolve('hanzi-writer-data/package.json'));
const isPoint = (p: unknown): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number';

function glyph(char: string) {
  const data: unknown = JSON.parse(readFileSync(join(dir, `${char}.json`), 'utf8'));
  const medians: unknown = data && typeof data === 'object' ? Reflect.get(data, 'medians') : undefined;
  const list: unknown[] = Array.isArray(medians) ? medians : [];
  return glyphOf(list.map((stroke) => (Array.isArray(stroke) ? stroke.filter(isPoint) : [])));
}

describe('a character holding another under a radical (stroke medians of hanzi-writer-data)', () => {
  it('holds the whole target after one to three strokes', () => {
    expect(containsGlyph(glyph('最'), glyph('蕞'))).toBe(true);
    expect(containsGlyph(glyph('最'), glyph('撮'))).toBe(true);
  });

  it('does not hold a character drawn differently, or one it only looks like', () => {
    expect(containsGlyph(glyph('治'), glyph('洽'))).toBe(false);
    expect(containsGlyph(glyph('最'), glyph('是'))).toBe(false);
    expect(containsGlyph(glyph('最'), glyph('最'))).toBe(false);
  });
});
