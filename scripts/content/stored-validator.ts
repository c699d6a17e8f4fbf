import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { noticeOnce } from '../shared/notice.ts';
import { jsonSum } from '../shared/json-sum.ts';
import { sealText, unsealText } from '../shared/seal.ts';
import { writeFileAtomicSync } from '../shared/atomic-write.ts';
import { shown } from '../shared/write-error.ts';
import { toolHash } from '../shared/tool-hash.ts';

// Beside the compiled code, in the tool's own folder (not the content repository): it is code, made from the tool's
// schemas by the tool's ajv, and trusted as the rest of compiled/ is.
const folder = fileURLToPath(new URL('../../compiled/validators/', import.meta.url));
const load = createRequire(import.meta.url);

const isValidator = (value: unknown): value is ValidateFunction => typeof value === 'function';

/**
 * A schema's validator as ajv's standalone code, kept in compiled/validators/ by the hash of the tool and the
 * schema: compiling the account and article schemas takes ajv a tenth of a second or more in every process, loading
 * the code it generated a millisecond. The same code ajv runs when it compiles, so the errors are the same. A file
 * that will not load or was changed is compiled again; one that cannot be written (a read-only install) is
 * compiled each time.
 */
export function storedValidator(compiler: () => Ajv2020, schema: Record<string, unknown>): ValidateFunction {
  const tool = toolHash().slice(0, 16);
  const path = storedValidatorPath(schema);
  const stored = loaded(path);
  if (stored) return stored;
  const ajv = compiler();
  const validate = ajv.compile(schema);
  const standalone = load('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js');
  store(path, standalone.default(ajv, validate), tool);
  return validate;
}

/** Where the validator of `schema` is kept. */
export function storedValidatorPath(schema: Record<string, unknown>): string {
  return join(folder, `${toolHash().slice(0, 16)}-${jsonSum(schema).slice(0, 32)}.cjs`);
}

/** The seal's first line is a comment, so the file stays the module Node loads. */
const mark = '// sha256 ';

/**
 * The stored validator, when its first line is the hash of the rest: a file changed or damaged since it was
 * written is compiled again (with one notice), never run, since a validator that accepts everything would pass
 * every article.
 */
function loaded(path: string): ValidateFunction | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    if (unsealText(text, mark) !== undefined) {
      const exported: unknown = load(path);
      if (isValidator(exported)) return exported;
    }
  } catch {
    // Fall through: compiled again below.
  }
  damaged(path);
  return undefined;
}

const tell = noticeOnce();
const damaged = (path: string) => tell(`校验器缓存 ${shown(path)} 已损坏或被改动，已重新编译。`);

/** Written atomically; validators of other versions of the tool are removed. */
function store(path: string, code: string, tool: string): void {
  try {
    writeFileAtomicSync(path, sealText(code, mark));
    for (const name of readdirSync(folder)) if (!name.startsWith(tool) && name.endsWith('.cjs')) rmSync(join(folder, name), { force: true });
  } catch {
    // A read-only install: compiled again next time.
  }
}
