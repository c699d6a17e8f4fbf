import { describe, expect, it } from 'vitest';
import { createLocator } from '../shared/text-locator.ts';
import { readFrontmatter } from './frontmatter.ts';

function keyPosition(text: string, pointer: string, bomLength = 0) {
  const result = readFrontmatter(text, bomLength);
  if (!result.ok) throw new Error(result.message);
  const span = result.frontmatter.fields.get(pointer)!.key ?? result.frontmatter.fields.get(pointer)!.value;
  return createLocator(text).point(span[0]);
}

describe('readFrontmatter', () => {
  it('locates keys and list items in file coordinates', () => {
    const text = '---\ntitle: 冬日茶事\nsources:\n  - title: 中国茶叶流通协会\n    url: https://example.com\n---\n正文\n';
    expect(keyPosition(text, '/title')).toEqual({ line: 2, column: 1 });
    expect(keyPosition(text, '/sources/0/url')).toEqual({ line: 5, column: 5 });
  });

  it('keeps publish times as strings with their time zone (YAML 1.2)', () => {
    const result = readFrontmatter('---\npublish_at: 2026-12-03T20:00:00+08:00\n---\n', 0);
    expect(result.ok && result.frontmatter.data.publish_at).toBe('2026-12-03T20:00:00+08:00');
  });

  it('works with CRLF line endings and a BOM', () => {
    const text = '\uFEFF---\r\ntitle: 茶\r\nauthor: 林一\r\n---\r\n正文\r\n';
    expect(keyPosition(text, '/author', 1)).toEqual({ line: 3, column: 1 });
    const result = readFrontmatter(text, 1);
    expect(result.ok && result.frontmatter.body).toBe('正文\r\n');
  });

  it('reports a YAML syntax error at its position', () => {
    const text = '---\ntitle: 茶\ntags: [冬季, 红茶\nstatus: draft\n---\n';
    const result = readFrontmatter(text, 0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('yaml');
    expect(result.message).toMatch(/^YAML 语法错误/);
    expect(createLocator(text).point(result.span[0]).line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a duplicated key', () => {
    const result = readFrontmatter('---\ntitle: 一\ntitle: 二\n---\n', 0);
    expect(!result.ok && result.message).toContain('写了两次');
  });

  it('tells a missing, an unclosed and a non-mapping frontmatter apart', () => {
    expect(readFrontmatter('# 标题\n', 0)).toMatchObject({ ok: false, reason: 'missing' });
    expect(readFrontmatter('---\ntitle: 茶\n正文\n', 0)).toMatchObject({ ok: false, reason: 'unclosed' });
    expect(readFrontmatter('---\n- 一\n- 二\n---\n', 0)).toMatchObject({ ok: false, reason: 'not-mapping' });
  });
});
