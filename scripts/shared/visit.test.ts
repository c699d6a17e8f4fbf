import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP as librarySkip, visit as libraryVisit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { EXIT, SKIP, visit } from './visit.ts';

const markdown = [
  '# 冬日围炉煮茶',
  '',
  '炭火要先烧透，**白炭**比黑炭烟少。[茶具清单](https://example.com/list)见文末。',
  '',
  '- 陶壶一把',
  '- 红枣、桂圆各一把',
  '  - 橘皮少许',
  '',
  '| 茶 | 水温 |',
  '| --- | --- |',
  '| 白茶 | 95 ℃ |',
].join('\n');

const tree = (): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

/** Every visit as type@index<parent type, in order. */
function trace(walk: typeof visit, root: Root, type?: string): string[] {
  const seen: string[] = [];
  const note = (node: { type: string }, index: number | undefined, parent: { type: string } | undefined) => {
    seen.push(`${node.type}@${index ?? '-'}<${parent?.type ?? '-'}`);
  };
  if (type) walk(root, type, note);
  else walk(root, note);
  return seen;
}

describe('visit', () => {
  it('visits the nodes the library visits, in its order, with the same index and parent', () => {
    expect(trace(visit, tree())).toEqual(trace(libraryVisit, tree()));
    expect(trace(visit, tree(), 'text')).toEqual(trace(libraryVisit, tree(), 'text'));
  });

  it('follows SKIP, a returned index and a splice as the library does', () => {
    const edit = (walk: typeof visit, skip: typeof SKIP) => {
      const root = tree();
      const seen: string[] = [];
      walk(root, (node, index, parent) => {
        seen.push(node.type);
        if (node.type === 'list') return skip;
        if (node.type === 'strong' && parent && index !== undefined) {
          parent.children.splice(index, 1, { type: 'text', value: '白炭' });
          return [skip, index];
        }
        return undefined;
      });
      return { seen, root };
    };
    const ours = edit(visit, SKIP);
    const theirs = edit(libraryVisit, librarySkip);
    expect(ours.seen).toEqual(theirs.seen);
    expect(ours.root).toEqual(theirs.root);
    expect(ours.seen).not.toContain('listItem');
  });

  it('stops at EXIT', () => {
    const seen: string[] = [];
    visit(tree(), 'text', (node) => {
      seen.push(node.value);
      return node.value.includes('炭火') ? EXIT : undefined;
    });
    expect(seen).toEqual(['冬日围炉煮茶', '炭火要先烧透，']);
  });
});
