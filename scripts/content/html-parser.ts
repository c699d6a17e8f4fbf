import { createRequire } from 'node:module';
import type { Parser } from 'htmlparser2';

// htmlparser2 and its entity tables take 25–50 ms to load, and only a file with raw HTML in it needs them: loaded on
// first use, so a cached lint or `mpdesk list` never does.
const load = createRequire(import.meta.url);
let loaded: typeof Parser | undefined;

/** htmlparser2's `Parser` class. */
export function htmlParser(): typeof Parser {
  return (loaded ??= (load('htmlparser2') as typeof import('htmlparser2')).Parser);
}
