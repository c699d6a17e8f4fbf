import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { processBodyImage, processCover } from './images.ts';

async function workspace() {
  const dir = await mkdtemp(join(tmpdir(), 'mpdesk-images-'));
  return { dir, cache: join(dir, 'cache') };
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 120, g: 160, b: 110 } } });

describe('body images', () => {
  it('converts WebP to JPEG at twice the column width and strips EXIF and GPS', async () => {
    const { dir, cache } = await workspace();
    const input = join(dir, 'chashan.webp');
    await photo(3000, 2000).withExif({ IFD0: { Copyright: '青禾茶事' }, IFD3: { GPSLatitudeRef: 'N' } }).webp().toFile(input);
    const result = await processBodyImage(input, cache);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ format: 'jpeg', width: 1354, height: 903 });
    const meta = await sharp(result.value.path).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
  });

  it('keeps PNG as PNG and never enlarges a small image', async () => {
    const { dir, cache } = await workspace();
    const input = join(dir, 'liucheng.png');
    await photo(600, 400).png().toFile(input);
    const result = await processBodyImage(input, cache);
    expect(result).toMatchObject({ ok: true, value: { format: 'png', width: 600, height: 400 } });
  });

  it('keeps every body image under 1 MB', async () => {
    const { dir, cache } = await workspace();
    const input = join(dir, 'noise.png');
    // Random pixels do not compress: the worst case for the 1 MB limit.
    const noise = randomBytes(1000 * 700 * 3);
    await sharp(noise, { raw: { width: 1000, height: 700, channels: 3 } }).png().toFile(input);
    expect((await stat(input)).size).toBeGreaterThan(1024 * 1024);
    const result = await processBodyImage(input, cache);
    expect(result.ok && result.value.bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it('takes the first frame of a GIF', async () => {
    const { dir, cache } = await workspace();
    const input = join(dir, 'dongtu.gif');
    await photo(400, 300).gif().toFile(input);
    expect(await processBodyImage(input, cache)).toMatchObject({ ok: true, value: { width: 400, height: 300 } });
  });

  it('says clearly when a file is corrupt, missing or a decompression bomb', async () => {
    const { dir, cache } = await workspace();
    await writeFile(join(dir, 'broken.jpg'), Buffer.from('这不是图片'));
    const broken = await processBodyImage(join(dir, 'broken.jpg'), cache);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toContain('无法读取图片');

    expect(await processBodyImage(join(dir, 'nope.jpg'), cache)).toEqual({ ok: false, message: '文件不存在或无法读取。' });

    await sharp({ create: { width: 9000, height: 9000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toFile(join(dir, 'bomb.png'));
    const bomb = await processBodyImage(join(dir, 'bomb.png'), cache);
    expect(!bomb.ok && bomb.message).toContain('解压炸弹');
  });

  it('processes the same content once (content-hash cache)', async () => {
    const { dir, cache } = await workspace();
    await photo(800, 600).jpeg().toFile(join(dir, 'a.jpg'));
    const first = await processBodyImage(join(dir, 'a.jpg'), cache);
    const firstTime = first.ok ? (await stat(first.value.path)).mtimeMs : 0;
    await writeFile(join(dir, 'copy.jpg'), await readFile(join(dir, 'a.jpg')));
    const second = await processBodyImage(join(dir, 'copy.jpg'), cache);
    expect(second).toEqual(first);
    expect(second.ok && (await stat(second.value.path)).mtimeMs).toBe(firstTime);
  });

  it('never takes a record copied under another image’s name: that image would go into the article', async () => {
    const { dir, cache } = await workspace();
    await photo(800, 600).jpeg().toFile(join(dir, 'green.jpg'));
    await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 60, b: 40 } } }).jpeg().toFile(join(dir, 'red.jpg'));
    const green = await processBodyImage(join(dir, 'green.jpg'), cache);
    const red = await processBodyImage(join(dir, 'red.jpg'), cache);
    const records = (await readdir(cache)).filter((name) => name.endsWith('.json'));
    const recordOf = async (result: typeof green) => {
      for (const name of records) if (result.ok && (await readFile(join(cache, name), 'utf8')).includes(result.value.sha256)) return join(cache, name);
      throw new Error('no record');
    };
    await copyFile(await recordOf(green), await recordOf(red));
    // A new run: records are read again from the cache folder.
    vi.resetModules();
    const { processBodyImage: again } = await import('./images.ts');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const redAgain = await again(join(dir, 'red.jpg'), cache);
    const said = stderr.mock.calls.map(([text]) => String(text)).join('');
    stderr.mockRestore();
    expect(redAgain.ok && red.ok && redAgain.value.sha256).toBe(red.ok && red.value.sha256);
    expect(said).toMatch(/图片缓存记录 .* 已损坏，已丢弃并重新生成。/);
  });
});

describe('cover', () => {
  it('crops 2.35:1 and 1:1 from the centre and gives WeChat crop strings', async () => {
    const { dir, cache } = await workspace();
    await photo(2000, 1000).jpeg().toFile(join(dir, 'cover.jpg'));
    const result = await processCover(join(dir, 'cover.jpg'), cache);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      wide: { width: 900, height: 383, format: 'jpeg' },
      square: { width: 500, height: 500, format: 'jpeg' },
      crop235: '0_0.074_1_0.925',
      crop11: '0.25_0_0.75_1',
    });
  });

  it('crops even a 1x1 cover instead of failing inside sharp', async () => {
    const { dir, cache } = await workspace();
    await photo(1, 1).png().toFile(join(dir, 'tiny.png'));
    const result = await processCover(join(dir, 'tiny.png'), cache);
    expect(result).toMatchObject({ ok: true, value: { wide: { width: 900, height: 383 } } });
  });
});
