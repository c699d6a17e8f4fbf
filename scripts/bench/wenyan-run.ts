// Renders Markdown files with wenyan-core (@wenyan-md/core) the way its own Node wrapper does for its CLI
// (renderStyledContent in dist/wrapper.js): front matter off, marked to HTML, the HTML put in a jsdom document as
// <section id="wenyan">, the default theme and code theme applied and inlined. The wrapper module itself is not
// imported because it also loads the publishing client's optional peers (formdata-node, form-data-encoder).
// Run compiled, with plain node: `node compiled/bench/wenyan-run.js --out DIR --passes N LIST`, LIST a file
// naming one Markdown file per line. Prints {"passesMs":[...]} — the in-process time of each pass.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createWenyanCore } from '@wenyan-md/core';
import { JSDOM } from 'jsdom';

/** wenyan-core's defaults in applyStylesWithTheme, spelled out. */
const style = { themeId: 'default', hlThemeId: 'solarized-light', isMacStyle: true, isAddFootnote: true };

const { values, positionals } = parseArgs({ options: { out: { type: 'string' }, passes: { type: 'string', default: '1' } }, allowPositionals: true });
const [list] = positionals;
const passes = Number(values.passes);
if (!values.out || !list || !Number.isInteger(passes) || passes < 1) {
  process.stderr.write('用法 usage: node compiled/bench/wenyan-run.js --out DIR [--passes N] LIST\n');
  process.exit(2);
}
const out = values.out;
const files = (await readFile(list, 'utf8')).split('\n').filter(Boolean);
await mkdir(out, { recursive: true });
const core = await createWenyanCore();

async function renderOne(path: string, index: number): Promise<void> {
  const { content } = await core.handleFrontMatter(await readFile(path, 'utf8'));
  const html = await core.renderMarkdown(content);
  const section = new JSDOM(`<body><section id="wenyan">${html}</section></body>`).window.document.getElementById('wenyan');
  if (!section) throw new Error(`没有 #wenyan：${path}`);
  // wenyan-core types the parameter as the DOM's HTMLElement, which this project's lib (no DOM) leaves untyped.
  const styled = await core.applyStylesWithTheme(section as never, style);
  await writeFile(join(out, `${String(index).padStart(4, '0')}.html`), styled);
}

const passesMs: number[] = [];
for (let pass = 0; pass < passes; pass++) {
  const started = performance.now();
  for (const [index, path] of files.entries()) await renderOne(path, index);
  passesMs.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify({ files: files.length, passesMs })}\n`);
