import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from '../../shared/visit.ts';

const bullets = ['•', '◦', '▪'];
const blockTags = new Set(['pre', 'blockquote', 'section', 'div', 'table', 'figure', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * WeChat re-wraps `li` and adds stray bullets to nested lists, so lists leave here as sections: one section per
 * item with a literal marker (•, 1., ☐/☑ for tasks), nested lists as indented sections inside their item.
 */
export default function rehypeWechatLists() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!isList(node) || !parent || index === undefined) return;
      parent.children.splice(index, 1, renderList(node, 0));
      return [SKIP, index + 1];
    });
  };
}

function isList(node: Element): boolean {
  return node.tagName === 'ul' || node.tagName === 'ol';
}

function renderList(list: Element, depth: number): Element {
  const start = Number(list.properties.start ?? 1);
  const items = list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
  return h(
    'section',
    { className: [depth === 0 ? 'mp-list' : 'mp-list-nested'], dataMpAt: list.properties.dataMpAt },
    items.map((item, i) => renderItem(item, list.tagName === 'ol' ? `${start + i}.` : bullets[depth % bullets.length]!, depth)),
  );
}

function renderItem(item: Element, listMarker: string, depth: number): Element {
  let marker = listMarker;
  const inline: ElementContent[] = [];
  const blocks: ElementContent[] = [];
  const addInline = (nodes: ElementContent[]) => {
    if (inline.length && nodes.length) inline.push(h('br'));
    inline.push(...nodes);
  };
  for (const child of item.children) {
    if (child.type === 'text') {
      if (child.value.trim()) inline.push(child);
    } else if (child.type !== 'element') {
      continue;
    } else if (child.tagName === 'input') {
      marker = child.properties.checked ? '☑' : '☐';
    } else if (isList(child)) {
      blocks.push(renderList(child, depth + 1));
    } else if (child.tagName === 'p') {
      // A task item in a loose list keeps its checkbox inside the paragraph.
      const first = child.children[0];
      if (first?.type === 'element' && first.tagName === 'input') {
        marker = first.properties.checked ? '☑' : '☐';
        addInline(trimStart(child.children.slice(1)));
      } else addInline(child.children);
    } else if (blockTags.has(child.tagName)) {
      blocks.push(child);
    } else {
      inline.push(child);
    }
  }
  return h('section', { className: ['mp-list-item'], dataMpAt: item.properties.dataMpAt }, [
    h('span', { className: ['mp-list-marker'] }, `${marker}\u00a0`),
    ...trim(inline),
    ...blocks,
  ]);
}

function trim(nodes: ElementContent[]): ElementContent[] {
  const last = nodes.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return trimStart(nodes);
}

function trimStart(nodes: ElementContent[]): ElementContent[] {
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  return nodes;
}
