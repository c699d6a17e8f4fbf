import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeImage } from './content/index.ts';
import { writeCorpus } from './bench/corpus.ts';
let root = process.argv[2]!;
if (root === 'make') { root = mkdtempSync(join(tmpdir(), 'dec-')); await writeCorpus(process.cwd(), root, 300, () => {}); console.log(root); process.exit(0); }
const paths = (readdirSync(join(root, 'content'), { recursive: true }) as string[]).filter((n) => /\.(jpg|png)$/.test(n)).map((n) => join(root, 'content', n));
const mode = process.argv[3];
const t = performance.now();
if (mode === 'old') await Promise.all(paths.map((p) => sharp(p, { limitInputPixels: 6e7 }).metadata()));
else await Promise.all(paths.map((p) => decodeImage(p)));
console.log(mode, paths.length, 'images', (performance.now() - t).toFixed(0), 'ms');
