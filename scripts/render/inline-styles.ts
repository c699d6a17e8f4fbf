import * as cheerio from 'cheerio';
import juice from 'juice';
import { allElements } from './dom.ts';
import { offsetAttribute } from './plugins/source-offsets.ts';
import { indexedQuery } from './selector-index.ts';

const juiceOptions = {
  inlinePseudoElements: true,
  applyWidthAttributes: false,
  applyHeightAttributes: false,
  applyAttributesTableElements: false,
  preserveImportant: false,
  resolveCSSVariables: true,
};

/**
 * Inlines the theme into `style` attributes (juice) and then removes everything the WeChat editor would drop
 * or that would leave styling depending on it: `class`, `id`, `data-*` and `aria-*` attributes. Source offsets stay
 * for the output check, which removes them.
 */
export function inlineStyles(html: string, css: string): string {
  // htmlparser2 (the `xml` options with xmlMode off) parses HTML several times faster than parse5.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: false } }, false);
  juice.inlineDocument(indexedQuery($), css, juiceOptions);
  for (const element of allElements($)) {
    if (element.type !== 'tag') continue;
    for (const name of Object.keys(element.attribs)) {
      if (name === offsetAttribute) continue;
      if (name === 'class' || name === 'id' || name.startsWith('data-') || name.startsWith('aria-')) delete element.attribs[name];
    }
  }
  // The editor deletes plain spaces it considers standalone; the entity survives.
  return $.html().replace(/\u00a0/g, '&nbsp;');
}
