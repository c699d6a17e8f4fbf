import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { escapeHtml } from '../shared/escape-html.ts';
import { chartFont, type Chart } from './charts.ts';

/**
 * A report's Markdown as one self-contained HTML page, to send to a client or print: the same text rendered by
 * remark and rehype, each chart's SVG put in place of its image (nothing is loaded from elsewhere), and a style
 * sheet of its own. Raw HTML in the Markdown is dropped, as the Markdown writer never writes any.
 */

const style = `
body { font-family: ${chartFont}; color: #222; max-width: 760px; margin: 2em auto; padding: 0 16px; line-height: 1.7; }
h1 { font-size: 1.6em; border-bottom: 3px solid var(--brand); padding-bottom: .3em; }
h2 { font-size: 1.25em; margin-top: 2em; border-left: 4px solid var(--brand); padding-left: .5em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: .92em; display: block; overflow-x: auto; }
th, td { border: 1px solid #ddd; padding: .35em .6em; }
th { background: #f5f7f6; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #777; font-size: .85em; }
blockquote { margin: 1em 0; padding: .5em 1em; background: #fff8ec; border-left: 4px solid var(--accent); }
code { background: #f3f3f3; padding: 0 .3em; border-radius: 3px; }
a { color: var(--brand); }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
`;

/** A rehype step: each `<img>` whose address names a chart becomes a figure with the SVG inline. */
function inlineCharts(charts: ReadonlyMap<string, Chart>) {
  return () => (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const src = node.tagName === 'img' ? node.properties.src : undefined;
      const chart = typeof src === 'string' ? charts.get(src) : undefined;
      if (!chart || !parent || index === undefined) return;
      parent.children[index] = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: [
          { type: 'raw', value: chart.svg },
          { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: chart.title }] },
        ],
      };
    });
  };
}

/** The page; `charts` by the address the Markdown gives them (`2026-11/reads.svg`). */
export function reportHtml(markdown: string, title: string, charts: ReadonlyMap<string, Chart>, colors: { primary: string; accent: string }): string {
  const body = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(inlineCharts(charts)).use(rehypeStringify, { allowDangerousHtml: true }).processSync(markdown);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>:root { --brand: ${colors.primary}; --accent: ${colors.accent}; }${style}</style>
</head>
<body>
${String(body)}
</body>
</html>
`;
}
