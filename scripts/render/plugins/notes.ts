import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from '../../shared/visit.ts';
import type { VFile } from 'vfile';
import { isAutolink, noteLabel } from '../../content/index.ts';
import { linkKind } from '../../platform/index.ts';
import { renderData } from './render-data.ts';

type Decision = 'keep' | 'note' | 'unwrap';

/**
 * WeChat drops every link but mp.weixin.qq.com articles, and all `#` anchors. External links and GFM footnotes
 * become one sequence of numbered markers `[n]`, listed with their URL or text in a section at the end. Links
 * and footnote references inside a footnote are treated the same way, so nothing clickable survives but articles.
 */
export default function rehypeWechatNotes() {
  return (tree: Root, file: VFile) => {
    const { links } = renderData(file);
    const decide = (href: string, node: Element): Decision => {
      const kind = links.get(href)?.kind ?? linkKind(href);
      if (kind === 'wechat-article') return 'keep';
      // A bare URL written as a link already shows its address; a note would only repeat it.
      if ((kind === 'external' || kind === 'email') && !isAutolink(href, toString(node))) return 'note';
      return 'unwrap';
    };
    const footnotes = collectFootnotes(tree);
    const notes: Element[] = [];
    const numbers = new Map<string, number>();
    let hasLinks = false;
    let hasFootnotes = false;
    const numberFor = (key: string, content: () => ElementContent[]) => {
      let n = numbers.get(key);
      if (n === undefined) {
        notes.push(h('p', { className: ['mp-note'] }, [{ type: 'text', value: `[${notes.length + 1}] ` }, ...content()]));
        n = notes.length;
        numbers.set(key, n);
      }
      return n;
    };
    const marker = (n: number) => h('sup', { className: ['mp-note-ref'] }, `[${n}]`);

    const transform = (scope: Root | Element) =>
      visit(scope, 'element', (node, index, parent) => {
        if (node.tagName !== 'a' || !parent || index === undefined) return;
        const href = String(node.properties.href ?? '');
        let replacement: ElementContent[] = node.children;
        if (node.properties.dataFootnoteRef !== undefined) {
          const id = footnoteId(href);
          hasFootnotes = true;
          const n = numberFor(`fn:${id}`, () => footnotes.get(id) ?? [{ type: 'text', value: toString(node) }]);
          // GFM already wraps the reference in <sup>: that becomes the marker.
          if (parent.type === 'element' && parent.tagName === 'sup') {
            parent.properties = { className: ['mp-note-ref'] };
            replacement = [{ type: 'text', value: `[${n}]` }];
          } else replacement = [marker(n)];
        } else {
          const decision = decide(href, node);
          if (decision === 'keep') {
            node.properties = { href };
            return;
          }
          if (decision === 'note') {
            hasLinks = true;
            const url = href.replace(/^mailto:/i, '');
            replacement = [...node.children, marker(numberFor(`url:${href}`, () => [{ type: 'text', value: `${labelOf(node)}：${url}` }]))];
          }
        }
        parent.children.splice(index, 1, ...replacement);
        return [SKIP, index];
      });

    transform(tree);
    // A note's own links and references become notes too; new notes join the end of the list as they are found.
    for (let i = 0; i < notes.length; i++) transform(notes[i]!);

    if (notes.length) {
      const title = hasLinks && hasFootnotes ? '注释与参考资料' : hasLinks ? '参考资料' : '注释';
      tree.children.push(h('section', { className: ['mp-notes'] }, [h('p', { className: ['mp-notes-title'] }, title), ...notes]));
    }
  };
}

/** A link's note label: its text with its images' alt text (a linked image has no other), as the model counts it. */
function labelOf(link: Element): string {
  let text = '';
  visit(link, (node) => {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && node.tagName === 'img') text += String(node.properties.alt ?? '');
  });
  return noteLabel(text);
}

/** Takes the GFM footnotes section out of the tree: footnote id → its content without the ↩ back-links. */
function collectFootnotes(tree: Root): Map<string, ElementContent[]> {
  const footnotes = new Map<string, ElementContent[]>();
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'section' || node.properties.dataFootnotes === undefined || !parent || index === undefined) return;
    visit(node, 'element', (item) => {
      if (item.tagName !== 'li') return;
      const content: ElementContent[] = [];
      for (const child of item.children) {
        if (child.type === 'element' && child.tagName === 'p') content.push(...withoutBackrefs(child.children));
        else if (child.type === 'element') content.push(...withoutBackrefs([child]));
      }
      footnotes.set(footnoteId(String(item.properties.id ?? '')), trimEnd(content));
      return SKIP;
    });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return footnotes;
}

function withoutBackrefs(nodes: ElementContent[]): ElementContent[] {
  return nodes.filter((node) => !(node.type === 'element' && node.properties.dataFootnoteBackref !== undefined));
}

function trimEnd(nodes: ElementContent[]): ElementContent[] {
  const last = nodes.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return nodes;
}

/** `#user-content-fn-tea` and `user-content-user-content-fn-tea` both name footnote `tea`. */
function footnoteId(reference: string): string {
  return reference.replace(/^.*?fn-/, '');
}
