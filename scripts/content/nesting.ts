import { htmlParser } from './html-parser.ts';
import type { Nodes, Root } from 'mdast';

/**
 * Deeper nesting than this is refused: nobody writes it, the Markdown parser would crawl or overflow on deeper
 * blocks, and the renderer on deeper inline or HTML nesting.
 */
export const maxNesting = 64;

/** What validate says of a line nested too deep, from either check. */
export function nestingMessage(line: number): string {
  return `第 ${line} 行嵌套超过 ${maxNesting} 层（引用 >、列表缩进、加粗或斜体、链接或 HTML 标签），无法排版，也不会在微信里正常显示：请减少嵌套。`;
}

const deepEnoughPrefix = new RegExp(`^[ \\t>]{${Math.floor(maxNesting / 2)}}`, 'm');

/**
 * The first line (1-based, in `body`) whose container prefix nests deeper than `maxNesting`, read before parsing:
 * each `>` counts one level (with the one space after it that belongs to the marker) and every two further columns
 * of indentation one list level. Lines inside fenced code do not count.
 */
export function tooDeeplyNested(body: string): number | undefined {
  // A level takes at least half a character of prefix (a tab is two), so no line with fewer than 32 can be too deep:
  // one scan of the body spares nearly every file the line-by-line count.
  if (!deepEnoughPrefix.test(body)) return undefined;
  let fence: string | undefined;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prefix = /^[ \t>]*/.exec(line)![0];
    const rest = line.slice(prefix.length);
    const marker = /^(`{3,}|~{3,})/.exec(rest)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) fence = marker;
    let quotes = 0;
    let columns = 0;
    for (let k = 0; k < prefix.length; k++) {
      const char = prefix[k]!;
      if (char === '>') {
        quotes++;
        if (prefix[k + 1] === ' ') k++;
      } else columns += char === '\t' ? 4 : 1;
    }
    // A list marker opens one more level than its indentation shows.
    const listItem = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(rest) ? 1 : 0;
    if (quotes + Math.floor(columns / 2) + listItem > maxNesting) return i + 1;
  }
  return undefined;
}

/** Nodes that nest what they hold a level deeper in the output. */
const nesting = new Set<Nodes['type']>(['blockquote', 'list', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * The first node of a parsed tree nested deeper than `maxNesting`: block containers, inline emphasis and links, and
 * the elements raw HTML opens (`<span>` inside `<span>`), counted together in document order. Walked with a stack,
 * not recursion, since the tree may be thousands of levels deep.
 */
export function tooDeepNode(tree: Root): Nodes | undefined {
  // Elements open in raw HTML so far; `base` is the Markdown depth of the HTML being read.
  let open = 0;
  let base = 0;
  let deepest = 0;
  const parser = new (htmlParser())(
    {
      onopentag: () => void (deepest = Math.max(deepest, base + ++open)),
      onclosetag: () => void (open = Math.max(0, open - 1)),
    },
    { lowerCaseTags: true },
  );
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  try {
    while (stack.length) {
      const { node, depth } = stack.pop()!;
      const own = depth + (nesting.has(node.type) ? 1 : 0);
      base = own;
      if (node.type === 'html') parser.write(node.value);
      if (Math.max(own + open, deepest) > maxNesting) return node;
      if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: own });
    }
    return undefined;
  } finally {
    parser.end();
  }
}
