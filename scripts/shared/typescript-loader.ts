import { register } from 'node:module';
import { siblingModule } from './module-url.ts';

let registered = false;

/**
 * Lets this thread import TypeScript, for a team's `--rule` module (`.mts`, `.ts`). The compiled mpdesk runs
 * without a loader, so tsx is registered in each thread the first time such a module is loaded, with a hook that
 * gives the module mpdesk's compiled code for the sources it imports; from the sources (tsx, vitest) there is a
 * loader already.
 */
export async function allowTypeScript(): Promise<void> {
  if (registered || import.meta.url.endsWith('.ts')) return;
  registered = true;
  const tsx = await import('tsx/esm/api');
  tsx.register();
  // Hooks run last registered first: this one is asked first, and rewrites what tsx resolves.
  register(siblingModule(import.meta.url, './running-tree-hook'));
}

export const isTypeScript = (url: string) => /\.[cm]?ts$/.test(new URL(url).pathname);
