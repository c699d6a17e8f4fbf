// Worker threads do not inherit the main thread's tsx hooks in every Node version: register them here.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
