#!/usr/bin/env node
// Runs a TypeScript entry point through tsx, for npm scripts such as `npm run bench`.
process.env.UV_THREADPOOL_SIZE ??= '16'; // as bin/mpdesk.js: builds keep many reads, writes and image jobs in flight
const { register } = await import('tsx/esm/api');
const { pathToFileURL } = await import('node:url');
const { resolve } = await import('node:path');

register();
const [entry, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(resolve(entry)).href);
