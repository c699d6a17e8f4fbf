import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicSync } from '../../shared/atomic-write.ts';
import { sealText, unsealText } from '../../shared/seal.ts';

/**
 * The words and characters of @pinyin-pro/data's complete dictionary (about 350,000, ISC licence) with their
 * frequencies, those above `floor` only (about 150,000). The package's JSON is 19 MB with every word's pinyin and
 * takes 0.6 s to parse; the frequencies alone are kept beside the compiled code as text (tab-separated, behind the
 * sha256 of the rest, shared/seal.ts) and read back in a few tens of milliseconds. A file that does not
 * check out is made again; one that cannot be written (a read-only install) leaves the slow way.
 */
export function wordFrequencies(floor: number, folder = compiledFolder): Map<string, number> {
  const path = join(folder, `${packageVersion()}-${floor}.txt`);
  return stored(path) ?? made(path, floor);
}

const compiledFolder = fileURLToPath(new URL('../../../compiled/word-frequencies/', import.meta.url));
const load = createRequire(import.meta.url);

const source = () => load.resolve('@pinyin-pro/data/complete.json');

/** The package's version (its exports give only the JSON files, so its manifest is found beside their folder). */
function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(dirname(source()), '..', 'package.json'), 'utf8'));
  const version: unknown = manifest && typeof manifest === 'object' ? Reflect.get(manifest, 'version') : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

function stored(path: string): Map<string, number> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const body = unsealText(text);
  if (body === undefined) return undefined;
  const frequencies = new Map<string, number>();
  for (const line of body.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) frequencies.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return frequencies;
}

function made(path: string, floor: number): Map<string, number> {
  const data: unknown = JSON.parse(readFileSync(source(), 'utf8'));
  const frequencies = new Map<string, number>();
  for (const [word, entry] of Object.entries(data && typeof data === 'object' ? data : {})) {
    const frequency: unknown = Array.isArray(entry) ? entry[1] : undefined;
    if (typeof frequency === 'number' && frequency > floor) frequencies.set(word, frequency);
  }
  const body = [...frequencies].map(([word, frequency]) => `${word}\t${frequency}`).join('\n');
  try {
    writeFileAtomicSync(path, sealText(body));
  } catch {
    // Only the next run's speed depends on it.
  }
  return frequencies;
}
