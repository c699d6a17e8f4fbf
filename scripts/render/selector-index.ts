import type { CheerioAPI } from 'cheerio/slim';
import { allElements, type Element } from './dom.ts';

type Selection = ReturnType<CheerioAPI>;

/** Tags, classes, ids and combinators only: selectors whose matches are among their key's elements. */
const plainSelector = /^[\w\s.#*>+~-]+$/;
const compound = /^([a-z][\w-]*|\*)?((?:[.#][\w-]+)*)$/i;

/**
 * A `$` for juice that answers each selector from one walk over the document instead of a walk per rule:
 * elements are grouped by tag and class once, and a selector is only tested against the group of its last
 * compound (`.mp-list-item .mp-code` against the `.mp-code` elements). Anything else (attributes, pseudo-classes,
 * markup) goes to cheerio as before. Valid while juice matches rules, which do not change the tree.
 */
export function indexedQuery($: CheerioAPI): CheerioAPI {
  const build = () => {
    const all = allElements($);
    const byTag = new Map<string, Element[]>();
    const byClass = new Map<string, Element[]>();
    const group = (map: Map<string, Element[]>, key: string, element: Element) => {
      const list = map.get(key);
      if (!list) map.set(key, [element]);
      else if (list.at(-1) !== element) list.push(element);
    };
    // Split as css-select reads a class attribute (JavaScript whitespace).
    for (const element of all) {
      group(byTag, element.name, element);
      for (const name of (element.attribs.class ?? '').split(/\s+/)) if (name) group(byClass, name, element);
    }
    return { all, byTag, byClass };
  };
  let index: ReturnType<typeof build> | undefined;
  const select = (selector: string): Selection | undefined => {
    const trimmed = selector.trim();
    if (!plainSelector.test(trimmed)) return undefined;
    const last = compound.exec(trimmed.split(/[\s>+~]+/).at(-1) ?? '');
    if (!last) return undefined;
    index ??= build();
    const [, tag, rest = ''] = last;
    const className = /\.([\w-]+)/.exec(rest)?.[1];
    const candidates = className ? (index.byClass.get(className) ?? []) : tag && tag !== '*' ? (index.byTag.get(tag.toLowerCase()) ?? []) : index.all;
    // A lone tag or class is its group exactly; anything longer is checked by cheerio, against the group only.
    const exact = trimmed === (className ? `.${className}` : tag);
    return exact ? $(candidates) : $(candidates).filter(trimmed);
  };
  const query = ((selector: unknown, ...rest: unknown[]) => {
    const found = typeof selector === 'string' && rest.length === 0 ? select(selector) : undefined;
    return found ?? ($ as (...args: unknown[]) => Selection)(selector, ...rest);
  }) as CheerioAPI;
  return query;
}
