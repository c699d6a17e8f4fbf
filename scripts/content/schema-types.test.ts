import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes, typesFile } from './generate-types.ts';
import { typedFields } from './schemas.ts';

describe('types from the schemas', () => {
  it('schema-types.ts is what the schemas generate (run npm run gen:types after changing a schema)', async () => {
    expect(readFileSync(typesFile, 'utf8')).toBe(await generateTypes());
  });

  it('keeps the fields whose values have their schema’s shape, whatever their length', () => {
    const fields = typedFields('article', {
      title: '一个超过三十二个字的标题，用来确认长度限制不影响类型：长度是校验的事，不是类型的事',
      status: 'drafted',
      tags: ['茶', 3],
      sponsored: { advertiser: '山野咖啡' },
      publish_at: '2026-12-03T20:00:00+08:00',
      unknown: true,
    });
    expect(Object.keys(fields).sort()).toEqual(['publish_at', 'sponsored', 'title']);
  });
});
