// A crash's stack with each compiled/ frame put back on its TypeScript line, read from the source maps only when
// something crashed: turning Node's source maps on reads and measures every module's map on every run.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @type {Map<string, SourceMap | undefined>} */
const maps = new Map();

/** @param {string} file a compiled module's path @returns {SourceMap | undefined} */
function mapOf(file) {
  if (!maps.has(file)) {
    let map;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = undefined; // no map, or an unreadable one: the frame stays as it is
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

/**
 * `error`'s stack (or its text, when it has none), compiled/*.js positions replaced by the scripts/*.ts ones.
 * @param {unknown} error
 * @returns {string}
 */
export function mappedStack(error) {
  const stack = error instanceof Error && error.stack ? error.stack : String(error);
  return stack.replace(/((?:file:\/\/)?\/[^\s():]*\/compiled\/[^\s():]+\.js):(\d+):(\d+)/g, (frame, place, line, column) => {
    const file = place.startsWith('file://') ? fileURLToPath(place) : place;
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
    const source = fileURLToPath(new URL(entry.originalSource, pathToFileURL(file)));
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
