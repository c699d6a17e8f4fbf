import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from '../../shared/visit.ts';
import type { VFile } from 'vfile';
import { renderData } from './render-data.ts';

/** Tables scroll inside a wrapper; a paragraph holding only an image becomes a figure with its alt text as caption. */
export default function rehypeWechatBlocks() {
  return (tree: Root, file: VFile) => {
    const { images } = renderData(file);
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === 'table') {
        alignToStyle(node);
        parent.children.splice(index, 1, h('section', { className: ['mp-table-wrap'] }, [node]));
        // Go on into the table (now inside its wrapper): its cells may hold images.
        return;
      }
      if (node.tagName === 'img' && !String(node.properties.src ?? '').trim()) {
        // Sanitising removed a script address, or there never was one: nothing to show (validation reports it).
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.tagName === 'input') {
        // A checkbox outside a task list (raw HTML): WeChat drops inputs, so it becomes its mark.
        parent.children.splice(index, 1, { type: 'text', value: node.properties.checked ? '☑' : '☐' });
        return [SKIP, index + 1];
      }
      if (node.tagName === 'img') {
        const target = images.get(String(node.properties.src ?? ''));
        node.properties = {
          className: ['mp-image'],
          src: target?.src ?? node.properties.src,
          alt: node.properties.alt ?? '',
        };
        return;
      }
      if (node.tagName === 'p') {
        const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
        const image = meaningful[0];
        if (meaningful.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
        const alt = String(image.properties.alt ?? '').trim();
        parent.children.splice(index, 1, h('section', { className: ['mp-figure'] }, [image, ...(alt ? [h('section', { className: ['mp-caption'] }, alt)] : [])]));
        return [SKIP, index];
      }
    });
  };
}

/** GFM column alignment arrives as `align`; WeChat keeps styles more reliably than the old attribute. */
function alignToStyle(table: Element): void {
  visit(table, 'element', (cell) => {
    if ((cell.tagName === 'td' || cell.tagName === 'th') && typeof cell.properties.align === 'string') {
      cell.properties.style = `text-align: ${cell.properties.align}`;
      delete cell.properties.align;
    }
  });
}

