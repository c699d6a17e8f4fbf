import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { derivedDigest } from './digest.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const digest = (markdown: string, sponsored = false) => derivedDigest({ tree: parser.runSync(parser.parse(markdown)) as Root, fields: { sponsored } });

describe('derivedDigest', () => {
  it('takes prose only: no headings, code, images, footnote markers or alert markers', () => {
    expect(digest('## 温杯\n\n![杯](./cup.jpg)\n\n冬天水温掉得快[^1]，\n手冲时可以先温杯。\n\n```\ncode\n```\n\n[^1]: 注释。\n')).toBe('冬天水温掉得快，手冲时可以先温杯。');
    expect(digest('> [!TIP]\n> 先温杯。\n')).toBe('先温杯。');
    expect(digest('> [!note]\n> 小写也算。\n')).toBe('小写也算。');
    // Not alone on its line: rehype-github-alerts shows it as written, and so does the digest.
    expect(digest('> [!NOTE] 同一行\n')).toBe('[!NOTE] 同一行');
  });

  it('keeps a space between Latin words of two paragraphs and the writer’s own spacing', () => {
    expect(digest('Pour over.\n\nThen wait\n30 s.\n\n买了 10 张。\n')).toBe('Pour over. Then wait 30 s.买了 10 张。');
  });

  it('drops a label the writer put first in an advertisement, only in an advertisement', () => {
    expect(digest('【广告】\n\n这款挂耳。\n', true)).toBe('这款挂耳。');
    expect(digest('广告｜这款挂耳。\n', true)).toBe('这款挂耳。');
    expect(digest('广告主是谁？\n', true)).toBe('广告主是谁？');
    expect(digest('广告\n\n正文。\n')).toBe('广告正文。');
  });

  it('drops every usual form of the label, with or without spaces, alone or opening the first paragraph', () => {
    const labels = ['【广告】', '[广告]', '［广告］', '（广告）', '(推广)', '广告：', '广告 ：', '广告｜', '推广 ', '赞助—', '【 广告 】', '本文为广告。', '本文为商业推广内容：', '本文由素山青瓷赞助。', '本文由 素山青瓷 提供赞助，'];
    for (const label of labels) {
      expect(digest(`${label}这只盖碗口沿外撇。\n`, true), label).toBe('这只盖碗口沿外撇。');
      expect(digest(`${label}\n\n这只盖碗口沿外撇。\n`, true), label).toBe('这只盖碗口沿外撇。');
    }
    // Several labels in a row, in an alert, in bold: the sample's sponsored article without its digest.
    expect(digest('【广告】本文由素山青瓷赞助。\n\n这只盖碗口沿外撇。\n', true)).toBe('这只盖碗口沿外撇。');
    expect(digest('> [!NOTE]\n> **本文为广告**。本文由青禾茶事与素山青瓷合作发布，青禾茶事收取了合作费用。\n', true)).toBe('青禾茶事收取了合作费用。');
  });

  it('leaves words that only begin like a label', () => {
    expect(digest('推广大使是谁？\n', true)).toBe('推广大使是谁？');
    expect(digest('本文为广告主撰写的说明。\n', true)).toBe('本文为广告主撰写的说明。');
    expect(digest('赞助商的故事。\n', true)).toBe('赞助商的故事。');
    expect(digest('本文由陈小满撰写。\n', true)).toBe('本文由陈小满撰写。');
  });

  it('is at most 54 characters', () => {
    expect([...digest(`${'茶'.repeat(60)}\n`)]).toHaveLength(54);
  });
});
