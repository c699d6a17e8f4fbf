// A pool worker's first module (shared/worker-pool.ts). Source maps are turned on before anything else loads, as
// bin/mpdesk.js does in the main thread, so a worker's stack traces name the TypeScript lines too.
process.setSourceMapsEnabled(true);
const { serve } = await import('./worker-serve.ts');
serve();
