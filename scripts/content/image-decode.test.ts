import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { decodeImage, describeImageError, imageDigest } from './image-decode.ts';
import { keepImageVerdicts } from './image-verdicts.ts';

const photo = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();

describe('decodeImage', () => {
  it('reads every pixel as the build does: a JPEG, PNG or WebP cut off halfway is refused, though its header is whole', async () => {
    const root = await makeRepo({});
    const whole = await photo();
    const png = await sharp(whole).png().toBuffer();
    const webp = await sharp(whole).webp().toBuffer();
    for (const [name, bytes] of [['half.jpg', whole], ['half.png', png], ['half.webp', webp]] as const) {
      await writeFile(join(root, name), bytes.subarray(0, bytes.length >> 1));
      await writeFile(join(root, `whole-${name}`), bytes);
      expect(await decodeImage(join(root, `whole-${name}`)), name).toEqual({ ok: true, format: expect.any(String), width: 1200, height: 800 });
      expect(await decodeImage(join(root, name)), name).toEqual({ ok: false, reason: expect.stringContaining('无法读取图片：文件已损坏或不是图片') });
    }
  });

  it('says a cut-off file is damaged whichever of libvips\' words sharp passes on (its failOn warning too, which comes when the decoder reads ahead)', () => {
    for (const text of ['VipsJpeg: Premature end of input file', 'Input file has corrupt header', 'Warning treated as error due to failOn setting']) {
      expect(describeImageError(new Error(text)), text).toContain('无法读取图片：文件已损坏或不是图片');
    }
    expect(describeImageError(new Error('Input file is missing'))).toBe('图片处理失败：Input file is missing。');
  });

  it('keeps its verdict by content hash for the next run, and discards a corrupt record with a notice', async () => {
    const bytes = await photo();
    const folder = 'content/shanye/articles/2026/dongtian-shouchong';
    const root = await makeRepo({ ...baseFiles(), [`${folder}/index.md`]: article('title: 照片\nstatus: draft\ncover: ./cover.jpg', '![一张照片](./photo.jpg)\n'), [`${folder}/photo.jpg`]: bytes });
    expect((await runCli(['lint', '--format', 'json'], root)).code).toBe(0);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const record = join(root, '.cache/mpdesk/decoded', `${hash}.json`);
    expect(JSON.parse(await readFile(record, 'utf8'))).toMatchObject({ ok: true, format: 'jpeg', width: 1200, height: 800, tool: expect.any(String) });
    // A stored verdict is believed (that is what it is for): the lint cache out of the way, the next run reads it.
    const stored = JSON.parse(await readFile(record, 'utf8'));
    await writeFile(record, JSON.stringify({ ...stored, ok: false, reason: '记录里的判断' }));
    await writeFile(join(root, '.cache/mpdesk/lint.json'), '{}');
    const believed = await runCli(['lint', '--format', 'json'], root);
    expect(JSON.parse(believed.stdout).map((f: { message: string }) => f.message)).toContain('图片“./photo.jpg”：记录里的判断');
    await writeFile(record, '{"tool":');
    await writeFile(join(root, '.cache/mpdesk/lint.json'), '{}');
    const again = await runCli(['lint', '--format', 'json'], root);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('mpdesk: 注意：图片检查记录 .cache/mpdesk/decoded/');
    expect(JSON.parse(await readFile(record, 'utf8'))).toMatchObject({ ok: true });
    expect((await readdir(join(root, '.cache/mpdesk/decoded'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('takes a record saved under another image’s name (copied or swapped) for corrupt: a notice, then a fresh verdict', async () => {
    const bytes = await photo();
    const folder = 'content/shanye/articles/2026/dongtian-shouchong';
    const root = await makeRepo({ ...baseFiles(), [`${folder}/index.md`]: article('title: 照片\nstatus: draft\ncover: ./cover.jpg', '![一张照片](./photo.jpg)\n'), [`${folder}/photo.jpg`]: bytes.subarray(0, bytes.length >> 1) });
    expect((await runCli(['lint', '--format', 'json'], root)).code).toBe(1);
    const records = join(root, '.cache/mpdesk/decoded');
    const cut = join(records, `${createHash('sha256').update(bytes.subarray(0, bytes.length >> 1)).digest('hex')}.json`);
    const cover = join(records, `${createHash('sha256').update(await readFile(join(root, folder, 'cover.jpg'))).digest('hex')}.json`);
    // The cover's verdict ("fine") copied over the cut-off photo's: believed, it would let the broken photo through.
    await writeFile(cut, await readFile(cover));
    await writeFile(join(root, '.cache/mpdesk/lint.json'), '{}');
    const again = await runCli(['lint', '--format', 'json'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/mpdesk: 注意：图片检查记录 \.cache\/mpdesk\/decoded\/[0-9a-f]{64}\.json 已损坏，已丢弃并重新检查这张图片/);
    expect(JSON.parse(again.stdout).map((f: { ruleId: string }) => f.ruleId)).toContain('image/unreadable');
    expect(JSON.parse(await readFile(cut, 'utf8'))).toMatchObject({ ok: false });
  });

  it('decodes a picture once per content in a run: a copy elsewhere gets the verdict in memory; new bytes are decoded anew', async () => {
    const root = await makeRepo({});
    const bytes = await photo();
    const [first, copy] = [join(root, 'a', 'photo.jpg'), join(root, 'b', 'copy.jpg')];
    await mkdir(join(root, 'a'));
    await mkdir(join(root, 'b'));
    await writeFile(first, bytes);
    await writeFile(copy, bytes);
    keepImageVerdicts(root);
    expect(await decodeImage(first)).toMatchObject({ ok: true });
    const folder = join(root, '.cache/mpdesk/decoded');
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(imageDigest(copy)).toBe(hash);
    // Were the copy decoded or looked up on disk, this record would answer for it.
    await writeFile(join(folder, `${hash}.json`), JSON.stringify({ ...JSON.parse(await readFile(join(folder, `${hash}.json`), 'utf8')), ok: false, reason: '记录里的判断' }));
    expect(await decodeImage(copy)).toEqual({ ok: true, format: 'jpeg', width: 1200, height: 800 });
    // The same path with other bytes is another picture: decoded, and kept under its own hash.
    await writeFile(copy, bytes.subarray(0, bytes.length >> 1));
    expect(await decodeImage(copy)).toMatchObject({ ok: false, reason: expect.stringContaining('无法读取图片') });
    expect((await readdir(folder)).sort()).toEqual([`${hash}.json`, `${imageDigest(copy)}.json`].sort());
  });
});
