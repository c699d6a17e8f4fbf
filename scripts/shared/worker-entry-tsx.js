// A pool worker's first module when mpdesk runs from the sources (tsx, vitest): worker threads do not inherit the
// main thread's tsx hooks in every Node version, so they are registered here. Compiled, shared/worker-entry.js
// starts the worker with no loader.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
