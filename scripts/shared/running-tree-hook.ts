// A module hook (module.register) for the compiled mpdesk, registered with tsx by typescript-loader.ts. A team's
// rule module imports mpdesk's sources (scripts/lint/define-rule.ts, as the README says); it is given the
// compiled module the engine runs instead, so both share one copy (define-rule keeps each finding's data in a
// module-level map) and no source is transformed.
import { existsSync } from 'node:fs';
import type { ResolveHook } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runningUrl } from './module-url.ts';

export const resolve: ResolveHook = async (specifier, context, next) => {
  const resolved = await next(specifier, context);
  const url = runningUrl(resolved.url);
  return url !== resolved.url && existsSync(fileURLToPath(url)) ? { ...resolved, url, format: 'module' } : resolved;
};
