import { describe, expect, it } from 'vitest';
import { createLocator } from './text-locator.ts';

describe('createLocator', () => {
  it('counts columns in code points, so an emoji is one column', () => {
    const text = '标题\n今天喝🍵，心情好\n';
    const locator = createLocator(text);
    const offset = text.indexOf('心情');
    expect(locator.point(offset)).toEqual({ line: 2, column: 6 });
  });

  it('gives 1-based lines and columns and handles CRLF', () => {
    const text = 'a\r\nbc\r\n';
    const locator = createLocator(text);
    expect(locator.point(0)).toEqual({ line: 1, column: 1 });
    expect(locator.point(text.indexOf('c'))).toEqual({ line: 2, column: 2 });
    expect(locator.range(3, 5)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 3 });
  });
});
