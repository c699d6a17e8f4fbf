// vitest's globalSetup: compiles the sources changed since the last compile (bin/compile.js) once, before any test,
// so the CLI tests run the JavaScript users run and no test sees the notice of a compile that bin/mpdesk.js made.
import { compile } from '../../bin/compile.js';

export default async function setup(): Promise<void> {
  await compile();
}
