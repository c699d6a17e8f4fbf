#!/usr/bin/env node
// Compiles scripts/**/*.ts to compiled/**/*.js, one output per source (esbuild), with source maps, so commands
// start without a TypeScript loader. `npm ci` runs it (`prepare`); bin/mpdesk.js runs it for the sources changed
// since; `npm run compile` compiles everything again. docs/DESIGN.md says why this shape.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compiledDir, markSources, sourceDir, stampFile, staleSources, toolRoot } from './sources.js';

/** @typedef {import('./sources.js').Staleness} Staleness */

/**
 * Every import stays an import, a relative `.ts` one renamed to the `.js` it compiles to. esbuild's bundler is used
 * only for this hook: with everything external, each output holds exactly its own source.
 * @type {import('esbuild').Plugin}
 */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: /^\.\.?\//.test(args.path) ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
    });
  },
};

/** Raised when a source does not compile; names the file and line. */
class CompileError extends Error {}

/**
 * Compiles what `staleness` names (by default: what changed since the last compile), removes the outputs of removed
 * sources, and writes the stamp last, so a compile cut off halfway is redone next time. Each file is replaced
 * atomically: a command running meanwhile, or a second compile of the same sources, never reads half a file.
 * @param {string} root
 * @param {Staleness | undefined} staleness
 * @returns {Promise<number>} how many sources were compiled
 */
export async function compile(root = toolRoot, staleness = staleSources(root)) {
  if (!staleness) return 0;
  const out = join(root, compiledDir);
  if (staleness.changed.length) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: staleness.changed.map((file) => `${sourceDir}/${file}`),
      outbase: sourceDir,
      outdir: compiledDir,
      bundle: true,
      plugins: [keepImports],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      sourcesContent: false,
      write: false,
      logLevel: 'silent',
    }).catch((/** @type {unknown} */ error) => {
      throw new CompileError(describeFailure(root, error), { cause: error });
    });
    for (const file of result.outputFiles) writeAtomic(file.path, file.contents);
  }
  for (const file of staleness.removed) removeOutputs(out, file);
  if (staleness.all) removeOrphans(out, new Set(Object.keys(staleness.stamp.sources)));
  writeAtomic(join(out, stampFile), JSON.stringify(staleness.stamp));
  return staleness.changed.length;
}

/** @param {string} path @param {string | Uint8Array} contents */
function writeAtomic(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, contents);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** @param {string} out @param {string} source relative to scripts/ */
function removeOutputs(out, source) {
  const js = join(out, source.replace(/\.ts$/, '.js'));
  for (const file of [js, `${js}.map`]) rmSync(file, { force: true });
}

/** Outputs whose source is gone (compiled by an older checkout); another compile's temporary files are left alone. */
function removeOrphans(/** @type {string} */ out, /** @type {Set<string>} */ sources) {
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === stampFile || entry.name.endsWith('.tmp')) continue;
    const file = relative(out, join(entry.parentPath, entry.name)).replaceAll('\\', '/');
    if (!sources.has(file.replace(/\.js(?:\.map)?$/, '.ts'))) rmSync(join(out, file), { force: true });
  }
}

/** esbuild's first error as `scripts/x.ts:3:5: message`. @param {string} root @param {unknown} error */
function describeFailure(root, error) {
  const errors = error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors) ? error.errors : [];
  /** @type {{ text?: string, location?: { file: string, line: number, column: number } | null } | undefined} */
  const first = errors[0];
  if (!first) return error instanceof Error ? error.message : String(error);
  const at = first.location ? `${relative(root, join(root, first.location.file))}:${first.location.line}:${first.location.column + 1}: ` : '';
  return `${at}${first.text ?? ''}${errors.length > 1 ? `（另有 ${errors.length - 1} 处）` : ''}`;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const started = performance.now();
  try {
    // Run directly (`prepare`, `npm run compile`): everything, whatever the stamp says.
    const stamp = markSources(toolRoot);
    const count = await compile(toolRoot, { stamp, changed: Object.keys(stamp.sources), removed: [], all: true });
    process.stdout.write(`mpdesk: 已把 ${count} 个源文件编译到 ${compiledDir}/（${((performance.now() - started) / 1000).toFixed(1)} 秒）。\n`);
  } catch (error) {
    process.stderr.write(`mpdesk: 编译失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
