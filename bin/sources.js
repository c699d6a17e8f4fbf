// Which TypeScript sources the compiled tree (compiled/, see bin/compile.js) no longer matches. Plain JavaScript
// with no dependencies: bin/mpdesk.js asks this before every command, so it must cost a few milliseconds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding bin/, scripts/ and compiled/. */
export const toolRoot = fileURLToPath(new URL('..', import.meta.url));
export const sourceDir = 'scripts';
export const compiledDir = 'compiled';
export const stampFile = 'stamp.json';
/** Files that change how every source compiles: when one changes, all are compiled again. */
export const compilerFiles = ['bin/compile.js', 'tsconfig.json'];

/** Tests are not compiled: vitest runs them from the sources (named as scripts/shared/tool-hash.ts names them). */
const isTest = (/** @type {string} */ name) => /\.test(?:-[a-z]+)?\.ts$/.test(name);

/** @typedef {[size: number, mtimeMs: number]} FileMark */
/** @typedef {{ compiler: Record<string, FileMark>, sources: Record<string, FileMark> }} Stamp */
/** @typedef {{ stamp: Stamp, changed: string[], removed: string[], all: boolean }} Staleness */

/**
 * Every source to compile (paths relative to scripts/, `/`-separated), with its size and time now.
 * @param {string} root
 * @returns {Stamp}
 */
export function markSources(root = toolRoot) {
  /** @type {Record<string, FileMark>} */
  const sources = {};
  const base = join(root, sourceDir);
  for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || isTest(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    sources[file.slice(base.length + 1).replaceAll('\\', '/')] = mark(file);
  }
  /** @type {Record<string, FileMark>} */
  const compiler = {};
  for (const file of compilerFiles) compiler[file] = mark(join(root, file));
  return { compiler, sources };
}

/**
 * A file's size and time; a file gone since it was listed (or a compiler file that is missing) marks as [-1, -1].
 * @param {string} file
 * @returns {FileMark}
 */
function mark(file) {
  try {
    const { size, mtimeMs } = statSync(file);
    return [size, mtimeMs];
  } catch {
    return [-1, -1];
  }
}

/** @param {FileMark | undefined} a @param {FileMark | undefined} b */
const same = (a, b) => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * What the compiled tree lacks: sources added or changed since it was compiled, and those removed; `all` when there is
 * no compiled tree (or its stamp is unreadable) or the compiler itself changed. Undefined when it is up to date.
 * Sizes and times, not contents: a checkout or an editor's save gives a file a new time, and this runs before
 * every command. The marks are taken before compiling, so an edit made while compiling is caught next time.
 * @param {string} root
 * @returns {Staleness | undefined}
 */
export function staleSources(root = toolRoot) {
  const stamp = markSources(root);
  const old = readStamp(root);
  const sources = Object.keys(stamp.sources);
  if (!old || compilerFiles.some((file) => !same(old.compiler[file], stamp.compiler[file]))) return { stamp, changed: sources, removed: [], all: true };
  const changed = sources.filter((file) => !same(old.sources[file], stamp.sources[file]));
  const removed = Object.keys(old.sources).filter((file) => !(file in stamp.sources));
  return changed.length || removed.length ? { stamp, changed, removed, all: false } : undefined;
}

/** @param {string} root @returns {Stamp | undefined} */
function readStamp(root) {
  try {
    /** @type {unknown} */
    const data = JSON.parse(readFileSync(join(root, compiledDir, stampFile), 'utf8'));
    if (!data || typeof data !== 'object' || !('compiler' in data) || !('sources' in data)) return undefined;
    const { compiler, sources } = data;
    return isMarks(compiler) && isMarks(sources) ? { compiler, sources } : undefined;
  } catch {
    return undefined;
  }
}

/** @param {unknown} value @returns {value is Record<string, FileMark>} */
function isMarks(value) {
  return !!value && typeof value === 'object' && Object.values(value).every((m) => Array.isArray(m) && m.length === 2 && m.every((n) => typeof n === 'number'));
}
