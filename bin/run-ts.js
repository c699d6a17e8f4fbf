#!/usr/bin/env node
// Runs a TypeScript entry point through tsx, for npm scripts such as `npm run gen:rules`.
process.env.UV_THREADPOOL_SIZE ??= '16'; // as bin/mpdesk.js: builds keep many reads, writes and image jobs in flight
const { register } = await import('tsx/esm/api');
const { pathToFileURL } = await import('node:url');
const { resolve } = await import('node:path');

register();
const [node, , entry, ...rest] = process.argv;
if (!node || !entry) throw new Error('用法：node bin/run-ts.js <scripts/….ts> [参数…]');
process.argv = [node, entry, ...rest];
await import(pathToFileURL(resolve(entry)).href);
