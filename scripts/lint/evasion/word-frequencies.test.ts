import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordFrequencies } from './word-frequencies.ts';

describe('the word frequencies kept beside the compiled code', () => {
  it('read back what the dictionary gives, and a kept file that was changed is made again, not trusted', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mpdesk-words-'));
    const made = wordFrequencies(3e-12, folder);
    expect(made.get('国家')).toBeGreaterThan(1e-8);
    expect(made.has('关住')).toBe(false);
    const [file] = await readdir(folder);
    expect(file).toMatch(/^\d+\.\d+\.\d+-3e-12\.txt$/);
    expect(wordFrequencies(3e-12, folder)).toEqual(made);
    const path = join(folder, file!);
    const kept = await readFile(path, 'utf8');
    const changed = kept.replace(/\n国家\t[^\n]+/, '\n国家\t1');
    expect(changed).not.toBe(kept);
    await writeFile(path, changed);
    expect(wordFrequencies(3e-12, folder).get('国家')).toBe(made.get('国家'));
  });
});
