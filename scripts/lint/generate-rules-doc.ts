import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { rulesMarkdown } from './explain.ts';

/** docs/rules.md, from the rule modules: `npm run gen:rules`. */
export const rulesDocFile = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await writeFileAtomic(rulesDocFile, rulesMarkdown());
  process.stdout.write(`已更新 ${rulesDocFile}\n`);
}
