// mpdesk runs from one of two trees of the same shape: scripts/ (the TypeScript sources, through tsx or vitest) or
// compiled/ (bin/compile.js's JavaScript). Module and data-file addresses made from import.meta.url go through here.

/** The tree this module runs from, and the sources' tree. */
const runningTree = new URL('../', import.meta.url).href;
const sourceTree = new URL('../../scripts/', import.meta.url).href;

/** A module beside `from` (an `import.meta.url`), named without its extension, in the form `from` runs as. */
export function siblingModule(from: string, name: string): URL {
  return new URL(`${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
}

/**
 * The source file of module `from` (an `import.meta.url`). Data kept beside the sources (word lists, tables, the
 * lint corpus) is read from there, never copied, so the compiled tree cannot hold an older copy.
 */
export function sourceUrl(from: string): string {
  return from.startsWith(runningTree) ? sourceTree + from.slice(runningTree.length).replace(/\.js$/, '.ts') : from;
}

/** The module of the running tree for a source file's URL: the compiled module when running compiled. */
export function runningUrl(source: string): string {
  if (runningTree === sourceTree || !source.startsWith(sourceTree)) return source;
  return runningTree + source.slice(sourceTree.length).replace(/\.ts$/, '.js');
}
