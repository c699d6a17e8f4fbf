// A pool worker's first module (shared/worker-pool.ts). With MPDESK_DEBUG, source maps are turned on before anything
// else loads, as bin/mpdesk.js does in the main thread, so a worker's stack traces name the TypeScript lines too.
if (process.env.MPDESK_DEBUG) process.setSourceMapsEnabled(true);
const { serve } = await import('./worker-serve.ts');
serve();
