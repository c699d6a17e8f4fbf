import { createRequire } from 'node:module';
import * as cheerio from 'cheerio/slim';
import { allElements } from './dom.ts';
import { offsetAttribute } from './plugins/source-offsets.ts';
import { indexedQuery } from './selector-index.ts';

type Juice = Pick<typeof import('juice'), 'inlineDocument'>;

/**
 * juice's inliner without its front module, which also loads the file and URL inliner and cheerio's full build
 * (undici, parse5, encoding detection): 100 ms of module loading in every process that renders, for code this
 * one never calls. `lib/inline.js` is the module juice's own browser build makes its client from.
 */
const makeJuice = createRequire(import.meta.url)('juice/lib/inline.js') as (client: object) => Juice;
const juice = makeJuice({});

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
