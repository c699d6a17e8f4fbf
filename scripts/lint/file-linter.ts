import type { ContentSet } from '../content/index.ts';

/**
 * The per-file linter (lint-file.ts), loaded when a file is linted: with it come the rules' engine, the Markdown
 * text blocks, the normaliser and the evasion tables with pinyin, which a run whose files are all cached never uses.
 */
export const fileLinter = () => import('./lint-file.ts');

/** Each account's settings by account id, as rules see them. */
export function accountSettings(accounts: ContentSet['accounts']): Map<string, Record<string, unknown>> {
  return new Map(accounts.map((a) => [a.place.account, a.doc?.data ?? {}]));
}
