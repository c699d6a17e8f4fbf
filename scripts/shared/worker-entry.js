// Worker threads do not inherit the main thread's tsx hooks in every Node version: register them here, then run
// the TypeScript module `runWorkers` named.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
