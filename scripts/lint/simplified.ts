import { createRequire } from 'node:module';

// Loaded on first use (require of the ES module, Node ≥ 20.19): a run served from its caches converts nothing. One
// converter for every caller: each loads and builds the same dictionary, about 30 ms.
const load = createRequire(import.meta.url);
let converter: ((text: string) => string) | undefined;

/** Traditional Chinese (Taiwan forms included) written in simplified characters, by opencc-js. */
export function toSimplified(text: string): string {
  const convert = (converter ??= (load('opencc-js/t2cn') as typeof import('opencc-js/t2cn')).Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}
