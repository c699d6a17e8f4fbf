#!/usr/bin/env node
// Reads, writes and sharp's image work share libuv's thread pool (4 threads by default); a build keeps far more
// in flight, so the pool is widened before anything can start it.
process.env.UV_THREADPOOL_SIZE ??= '16';
// Runs the compiled JavaScript in compiled/ (bin/compile.js, run by `npm ci`), no TypeScript loader. Sources
// changed since are compiled again first. A stack trace is shown only with MPDESK_DEBUG, and then the source maps
// make it name the lines of scripts/*.ts; without it they are left off, as reading them costs every run time.
if (process.env.MPDESK_DEBUG) process.setSourceMapsEnabled(true);
const { staleSources } = await import('./sources.js');
const stale = staleSources();
let compiled = true;
if (stale) {
  const started = performance.now();
  try {
    const { compile } = await import('./compile.js');
    const count = await compile(undefined, stale);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`mpdesk: 注意：源码在上次编译后改过，已重新编译 ${count} 个文件（${seconds} 秒）。\n`);
  } catch (error) {
    // A source that does not compile, or a compiled/ that cannot be written: run the sources as they are.
    compiled = false;
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(`mpdesk: 注意：无法重新编译改过的源码（${why.split('\n')[0]}），这次通过 tsx 直接运行源码（较慢）。\n`);
  }
}
if (compiled) {
  // A crash (commands catch what they expect, so this is a defect) is shown at the TypeScript lines it happened on.
  const crashed = async (/** @type {unknown} */ error) => {
    const mapped = await import('./mapped-stack.js').then(({ mappedStack }) => mappedStack(error), () => undefined);
    process.stderr.write(`${mapped ?? (error instanceof Error ? error.stack : String(error))}\n`);
    process.exit(1);
  };
  if (!process.env.MPDESK_DEBUG) process.on('uncaughtException', (error) => void crashed(error));
  const cli = '../compiled/cli.js'; // not a literal: the type-checker would look for the compiled file
  await import(cli).catch(crashed);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../scripts/cli.ts');
}
