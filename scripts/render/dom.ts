import type { CheerioAPI } from 'cheerio/slim';
// cheerio's own node types (its public signatures use them).
import type { AnyNode, Element } from 'domhandler';

export type { Element };

/**
 * Every element of a loaded document in document order: what `$('*')` selects (tags, scripts and styles), found
 * by walking the children instead of compiling and running a selector.
 */
export function allElements($: CheerioAPI): Element[] {
  const found: Element[] = [];
  const walk = (nodes: readonly AnyNode[]) => {
    for (const node of nodes) {
      if ('attribs' in node) found.push(node);
      if ('children' in node) walk(node.children);
    }
  };
  walk($.root().toArray());
  return found;
}
