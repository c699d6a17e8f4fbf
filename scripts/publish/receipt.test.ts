import { describe, expect, it } from 'vitest';
import { readFrontmatter, validatorFor } from '../content/index.ts';
import { receiptIn, withReceipt, type Receipt } from './receipt.ts';

const article = `---
title: 冬至围炉煮茶指南   # 标题别超过 32 字
author: "陈晓"
cover: ./cover.jpg
status: 'approved'  # 审核通过后由编辑改
publish_at: 2026-12-03T20:00:00+08:00
tags: [冬季, 煮茶]
comments: open
---

冬至前后，围炉煮一壶老白茶正当时。

---

分隔线后面的正文。
`;

const drafted: Receipt = { state: 'drafted', draft_media_id: 'Jx3kR5nTq8WmZ2cLv6YbA1dH', draft_index: 0, draft_hash: 'a'.repeat(64), drafted_at: '2026-12-03T19:58:02+08:00' };
const published: Receipt = {
  ...drafted,
  state: 'published',
  publish_id: '2247483001',
  msg_data_id: '2247484001',
  article_id: 'ARTICLE_2247483001',
  url: 'https://mp.weixin.qq.com/s/Vb8nQ3rLx6TmK1pWz9CyHe',
  submitted_at: '2026-12-03T20:00:01+08:00',
  published_at: '2026-12-03T20:00:31+08:00',
};

/** The text with the `wechat:` block and the status value taken out: what must not change. */
function outside(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const start = lines.findIndex((l) => l.startsWith('wechat:'));
  const kept = start < 0 ? lines : [...lines.slice(0, start), ...lines.slice(start + 1 + lines.slice(start + 1).findIndex((l) => !l.startsWith('  ')))];
  return kept.join('').replace(/^(status: )(?:'approved'|published)/m, '$1<status>');
}

describe('the receipt is written by an edit that leaves every other byte as it was', () => {
  it('adds the block before the closing ---, keeping comments, quoting and the body (its own --- too)', () => {
    const once = withReceipt(article, drafted);
    expect(outside(once)).toBe(outside(article));
    expect(once).toContain("status: 'approved'  # 审核通过后由编辑改\n");
    expect(once).toContain('comments: open\nwechat:\n  state: drafted\n  draft_media_id: Jx3kR5nTq8WmZ2cLv6YbA1dH\n  draft_index: 0\n');
    expect(receiptIn(once)).toEqual(drafted);
  });

  it('replaces the block and sets the status, and the result passes the schema', () => {
    const twice = withReceipt(withReceipt(article, drafted), published, 'published');
    expect(outside(twice)).toBe(outside(article));
    expect(twice).toContain('status: published  # 审核通过后由编辑改\n');
    expect(receiptIn(twice)).toEqual(published);
    // Ids that look like numbers stay strings.
    expect(twice).toContain('publish_id: "2247483001"');
    const parsed = readFrontmatter(twice, 0);
    expect(parsed.ok && validatorFor('article')(parsed.frontmatter.data)).toEqual([]);
  });

  it('keeps CRLF line endings and a byte-order mark, and replaces a flow-style block', () => {
    const crlf = `\uFEFF${article.replace(/\n/g, '\r\n')}`;
    const written = withReceipt(crlf, drafted);
    expect(written.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(written.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(receiptIn(written)).toEqual(drafted);
    const flow = article.replace('comments: open\n', 'comments: open\nwechat: {state: drafting, drafted_at: 2026-12-03T19:58:02+08:00}\ntheme: ink\n');
    const replaced = withReceipt(flow, drafted);
    expect(replaced).toContain('  drafted_at: 2026-12-03T19:58:02+08:00\ntheme: ink\n---\n');
    expect(receiptIn(replaced)).toEqual(drafted);
  });
});
