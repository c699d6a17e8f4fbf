#!/usr/bin/env node
// Reads, writes and sharp's image work share libuv's thread pool (4 threads by default); a build keeps far more
// in flight, so the pool is widened before anything can start it.
process.env.UV_THREADPOOL_SIZE ??= '16';
// Runs the TypeScript sources directly (tsx), so a fresh clone needs no build step.
const { register } = await import('tsx/esm/api');
register();
await import('../scripts/cli.ts');
