import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from '../../shared/visit.ts';

const tab = '\u00a0'.repeat(4);

/**
 * The WeChat editor deletes standalone spaces and collapses line breaks in code, so every space and tab becomes
 * a no-break space and every newline a `<br>`; the block scrolls sideways instead of wrapping.
 */
export default function rehypeWechatCode() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === 'pre') {
        const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
        const body = code ? code.children : node.children;
        const block = h('section', { className: ['mp-code'] }, [
          h('pre', { className: ['mp-code-pre'] }, [h('code', {}, preserveWhitespace(trimFinalNewline(body)))]),
        ]);
        parent.children.splice(index, 1, block);
        return SKIP;
      }
      if (node.tagName === 'code') node.properties = { className: ['mp-inline-code'] };
    });
  };
}

function trimFinalNewline(nodes: ElementContent[]): ElementContent[] {
  const last = nodes.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\n$/, '');
  else if (last?.type === 'element') trimFinalNewline(last.children);
  return nodes;
}

function preserveWhitespace(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') {
      // Highlighter spans keep only their colour class.
      return [{ ...node, properties: { className: node.properties.className }, children: preserveWhitespace(node.children) }];
    }
    if (node.type !== 'text') return [];
    return node.value.split('\n').flatMap((line, i): ElementContent[] => {
      const text: Text = { type: 'text', value: line.replace(/\t/g, tab).replace(/ /g, '\u00a0') };
      const parts: ElementContent[] = i > 0 ? [h('br')] : [];
      if (text.value) parts.push(text);
      return parts;
    });
  });
}
