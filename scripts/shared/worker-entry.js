// Worker threads do not inherit the main thread's tsx hooks in every Node version: register them here, then serve
// the tasks `shareJobs` sends (shared/worker-serve.ts).
import { register } from 'tsx/esm/api';

register();
const { serve } = await import('./worker-serve.ts');
serve();
