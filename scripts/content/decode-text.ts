import { isUtf8 } from 'node:buffer';

export type Decoded =
  | { ok: true; text: string; bomLength: 0 | 1 }
  | { ok: false; message: string; line: number; column: number };

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes a content file as UTF-8, keeping a BOM in the text so positions stay those of the original file. */
export function decodeText(bytes: Uint8Array): Decoded {
  const utf16 = utf16Form(bytes);
  if (utf16) {
    return {
      ok: false,
      message: `文件是 UTF-16 编码（${utf16}），请另存为 UTF-8（无 BOM）。`,
      line: 1,
      column: 1,
    };
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, bad);
    const lineStart = before.lastIndexOf(10) + 1;
    let line = 1;
    for (const byte of before) if (byte === 10) line++;
    const column = [...decoder.decode(bytes.subarray(lineStart, bad))].length + 1;
    return {
      ok: false,
      message: `文件不是有效的 UTF-8 编码（第 ${bad + 1} 字节起，可能是 GBK/GB18030），请用 UTF-8 另存。`,
      line,
      column,
    };
  }
  const text = decoder.decode(bytes);
  return { ok: true, text, bomLength: text.charCodeAt(0) === 0xfeff ? 1 : 0 };
}

/**
 * Whether the bytes are UTF-16, and which kind: by the BOM, or, without one, by where the zero bytes are. Every
 * content file holds ASCII (`---`, keys, line breaks), whose UTF-16 form has a zero byte in every other place, on
 * one side only; UTF-8 text has no zero bytes at all.
 */
function utf16Form(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return '小端 LE，带 BOM';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return '大端 BE，带 BOM';
  const pairs = Math.min(bytes.length, 4096) >> 1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const [most, least] = [Math.max(even, odd), Math.min(even, odd)];
  if (pairs < 2 || most < pairs / 10 || least > most / 10) return undefined;
  return even > odd ? '大端 BE，无 BOM' : '小端 LE，无 BOM';
}

/** Byte index of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
