import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { IAlert, IOptions } from 'rehype-github-alerts';
import { SKIP, visit } from '../../shared/visit.ts';
import { alertKeywords, type AlertKeyword } from '../../content/index.ts';

const titles: Record<AlertKeyword, string> = { NOTE: '说明', TIP: '提示', IMPORTANT: '重要', WARNING: '注意', CAUTION: '警告' };
// The keywords are the article model's, so the digest and the renderer agree on what is an alert.
const alerts: IAlert[] = alertKeywords.map((keyword) => ({ keyword, icon: '', title: titles[keyword] }));

/** GitHub alerts (`> [!NOTE]`) as styled sections with Chinese titles; rehype-github-alerts does the parsing. */
export const alertsOptions: IOptions = {
  alerts,
  build: (alert, children): ElementContent => {
    const type = alert.keyword.toLowerCase();
    return h('section', { className: ['mp-alert', `mp-alert-${type}`] }, [
      h('p', { className: ['mp-alert-title', `mp-alert-${type}-title`] }, alert.title),
      ...children,
    ]);
  },
};

/**
 * rehype-github-alerts 4.2 reads the first child of a blockquote's first paragraph without checking there is one,
 * so raw HTML such as `> <x><p>` (an empty paragraph) crashed the whole render. Empty paragraphs show nothing.
 */
export function rehypeDropEmptyParagraphs() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || node.children.length > 0 || !parent || index === undefined) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
