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

  it('tells UTF-16 from GBK with and without a BOM, little and big endian', () => {
    const text = '---\ntitle: 冬天喝什么茶\nstatus: draft\n---\n\n进入十二月，杭州的早晚已经要穿厚外套了。\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const forms = [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be]), le, be].map((bytes) => {
      const result = decodeText(bytes);
      return result.ok ? 'decoded' : result.message.split('，请')[0];
    });
    expect(forms).toEqual(['文件是 UTF-16 编码（小端 LE，带 BOM）', '文件是 UTF-16 编码（大端 BE，带 BOM）', '文件是 UTF-16 编码（小端 LE，无 BOM）', '文件是 UTF-16 编码（大端 BE，无 BOM）']);
    // A UTF-8 file with an odd NUL in it is still UTF-8.
    expect(decodeText(Buffer.from(`${text}\u0000`, 'utf8'))).toMatchObject({ ok: true });
  });
});
