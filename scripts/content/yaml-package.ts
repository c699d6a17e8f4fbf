import { createRequire } from 'node:module';

// The `yaml` package is some 70 modules, about 20 ms to load; a run whose frontmatter and account files all come
// from the frontmatter cache parses no YAML, so it is loaded on first use (the same build `import` gives in Node).
const load = createRequire(import.meta.url);
let loaded: typeof import('yaml') | undefined;

/** The `yaml` package. */
export function yamlPackage(): typeof import('yaml') {
  return (loaded ??= load('yaml') as typeof import('yaml'));
}
