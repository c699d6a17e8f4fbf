import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { storedValidator, storedValidatorPath } from './stored-validator.ts';

const schema = (id: string) => ({
  $id: `https://mpdesk.dev/schemas/test-${id}.schema.json`,
  type: 'object',
  required: ['title'],
  properties: { title: { type: 'string', maxLength: 8 }, status: { enum: ['draft', 'approved'] } },
  additionalProperties: false,
});
const bad = { title: '冬日手冲咖啡的十个细节与做法', status: 'done', extra: 1 };
const made: string[] = [];
const fresh = () => new Ajv2020({ allErrors: true, verbose: true, code: { source: true } });

afterEach(() => {
  for (const path of made.splice(0)) rmSync(path, { force: true });
});

describe('validators kept as ajv standalone code', () => {
  it('give the same errors as the validator ajv compiles, loaded from the file the next time', () => {
    const s = schema(`same-${process.pid}`);
    made.push(storedValidatorPath(s));
    const compiled = storedValidator(fresh, s);
    expect(compiled(bad)).toBe(false);
    const loaded = storedValidator(fresh, s);
    expect(loaded).not.toBe(compiled);
    expect(loaded(bad)).toBe(false);
    expect(loaded.errors).toEqual(compiled.errors);
    expect(loaded.errors!.map((e) => e.keyword).sort()).toEqual(['additionalProperties', 'enum', 'maxLength']);
    expect(loaded({ title: '冬日手冲' })).toBe(true);
  });

  it('that will not load are compiled again and rewritten', () => {
    const s = schema(`broken-${process.pid}`);
    const path = storedValidatorPath(s);
    made.push(path);
    storedValidator(fresh, s);
    writeFileSync(path, 'module.exports = (');
    const again = storedValidator(fresh, s);
    expect(again(bad)).toBe(false);
    expect(again.errors).toHaveLength(3);
    expect(readFileSync(path, 'utf8')).toMatch(/^\/\/ sha256 [0-9a-f]{64}\n"use strict";/);
  });

  it('that were changed are never run: a validator that accepts everything is compiled again', () => {
    const s = schema(`changed-${process.pid}`);
    const path = storedValidatorPath(s);
    made.push(path);
    storedValidator(fresh, s);
    const [seal] = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, `${seal}\nmodule.exports = function validate() { return true; };`);
    const again = storedValidator(fresh, s);
    expect(again(bad)).toBe(false);
    expect(again.errors).toHaveLength(3);
  });
});
