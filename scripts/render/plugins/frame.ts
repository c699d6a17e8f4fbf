import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from '../../shared/visit.ts';
import type { VFile } from 'vfile';
import { renderData } from './render-data.ts';

/**
 * One root `<section>` around everything (WeChat strips padding and background from the outermost element,
 * so the theme styles this one and the editor keeps what is inside), `div`s as sections, the ad label, the footer.
 */
export default function rehypeWechatFrame() {
  return (tree: Root, file: VFile) => {
    const options = renderData(file);
    visit(tree, 'element', (node) => {
      if (node.tagName === 'div') node.tagName = 'section';
    });
    const body = tree.children.filter((child): child is ElementContent => child.type !== 'doctype' && !(child.type === 'text' && child.value.trim() === ''));
    const children: ElementContent[] = [];
    if (options.sponsored) children.push(h('p', {}, [h('span', { className: ['mp-ad-label'] }, '广告')]));
    children.push(...body);
    if (options.footer?.length) children.push(h('section', { className: ['mp-footer'] }, options.footer));
    tree.children = [h('section', { className: ['mp-article'] }, children)];
  };
}
