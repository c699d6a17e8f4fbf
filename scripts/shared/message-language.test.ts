import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const scripts = fileURLToPath(new URL('..', import.meta.url));

/** A Chinese message that ends in an English sentence: `…请用 UTF-8 另存。The file is not valid UTF-8.` */
const englishTail = /[\u4e00-\u9fff][^'"`\n]*[。！？）]\s?[A-Z][a-z]+(?: [a-zA-Z',;:-]+){2,}[.!?]?['"`]/;
/** Reference texts that are bilingual by design (README): help, rule descriptions, generated types and docs. */
const reference = /\.description\(|\.option\(|requiredOption\(|Option\(|\.argument\(|addHelpText|afterHelp|helpCommand|^\s*(\/\/|\*|\/\*\*)|rule\('lint\//;

describe('messages are Chinese, without English sentences after them', () => {
  it('holds for every message of the commands and stages (rule modules and generated types aside)', () => {
    const files = readdirSync(scripts, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !/\.test\.ts$|test-helper|^testing\/|^bench\/|^eval\/|^lint\/rules\/|schema-types\.ts$|fake-/.test(file),
    );
    const offending = files.flatMap((file) =>
      readFileSync(join(scripts, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (englishTail.test(line) && !reference.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(offending).toEqual([]);
  });
});
