import type { Rule } from './define-rule.ts';

let loading: Promise<readonly Rule[]> | undefined;

/**
 * The built-in rules, loaded when a file is first linted: about 150 modules and their compiled patterns take a fifth
 * of a second, which a run whose files are all cached (a rebuild, a second `mpdesk lint`) does not need.
 */
export function builtinRules(): Promise<readonly Rule[]> {
  loading ??= import('./rules/index.ts').then((rules) => rules.allRules);
  return loading;
}
