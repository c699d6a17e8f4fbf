import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

describe('decodeText', () => {
  it('keeps a UTF-8 BOM in the text so positions match the original file', () => {
    const result = decodeText(Buffer.from('\uFEFF---\ntitle: 茶\n---\n', 'utf8'));
    expect(result).toMatchObject({ ok: true, bomLength: 1 });
  });

  it('names the line and column of the first byte that is not UTF-8 (a GBK file)', () => {
    const gbk = Buffer.concat([Buffer.from('---\ntitle: ok\n作者: ', 'utf8'), Buffer.from([0xc1, 0xd6]), Buffer.from('\n---\n')]);
    const result = decodeText(gbk);
    expect(result).toMatchObject({ ok: false, line: 3, column: 5 });
    expect(!result.ok && result.message).toContain('UTF-8');
  });

  it('recognises UTF-16 and says so', () => {
    const result = decodeText(Buffer.from([0xff, 0xfe, 0x2d, 0x00]));
    expect(result).toMatchObject({ ok: false, line: 1, column: 1 });
    expect(!result.ok && result.message).toContain('UTF-16');
  });
});
