import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { makeGitRepo } from '../testing/git-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { accountYaml, articleFile, articlePath, coffeeFiles, coffeeRepo, coffeeSet, planFile } from './fixture.test-helper.ts';
import { planCalendar } from './index.ts';

/** The calendar as an independent parser (Mozilla's ical.js) reads it. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      zone: event.startDate.zone?.tzid,
      local: event.startDate.toString(),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      description: event.description,
      sequence: event.sequence,
      stamp: String(component.getFirstPropertyValue('dtstamp')),
      status: String(component.getFirstPropertyValue('status')),
      url: component.getFirstPropertyValue('url'),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events };
}

async function calendarText(files = {}, scope: { account?: string } = { account: 'shanye' }): Promise<string> {
  const result = await planCalendar(await coffeeSet(files), scope);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

const published = {
  [articlePath('yunnan-chandi')]: articleFile({ title: '云南咖啡产区巡礼', status: 'published', publish_at: '2026-12-04T20:00:00+08:00', plan: '2026-12/02', url: 'https://mp.weixin.qq.com/s/Yn8cHd2Q' }),
};

describe('plan ics', () => {
  it('writes one event per entry at its time in Asia/Shanghai, as an independent parser reads it', async () => {
    const { name, events } = parseCalendar(await calendarText(published));
    expect(name).toBe('山野咖啡 内容计划');
    expect(events.map((e) => [e.uid, e.summary, e.zone, e.local, e.start, e.end, e.status])).toEqual([
      ['shanye-2026-12-01@mpdesk', '冬天的手冲怎么调水温', 'Asia/Shanghai', '2026-12-01T20:00:00', '2026-12-01T12:00:00.000Z', '2026-12-01T12:30:00.000Z', 'CONFIRMED'],
      ['shanye-2026-12-02@mpdesk', '云南咖啡产区巡礼：保山与普洱', 'Asia/Shanghai', '2026-12-04T20:00:00', '2026-12-04T12:00:00.000Z', '2026-12-04T12:30:00.000Z', 'CONFIRMED'],
      ['shanye-2026-12-03@mpdesk', '圣诞特调：桂皮拿铁', 'Asia/Shanghai', '2026-12-08T20:00:00', '2026-12-08T12:00:00.000Z', '2026-12-08T12:30:00.000Z', 'TENTATIVE'],
    ]);
    expect(events[1]!.url).toBe('https://mp.weixin.qq.com/s/Yn8cHd2Q');
    expect(events[1]!.description).toBe(
      [
        '形式：视频',
        '负责人：小满',
        '状态：已发布（published）',
        `文章：云南咖啡产区巡礼（${articlePath('yunnan-chandi')}）`,
        '原文：https://mp.weixin.qq.com/s/Yn8cHd2Q',
        '计划：content/shanye/plans/2026-12.md 条目 2026-12/02',
      ].join('\n'),
    );
    expect(events[2]).toMatchObject({ url: null, description: expect.stringContaining('状态：待写（planned）') });
  });

  it('gives the same bytes whatever the clock and time zone of the machine: DTSTAMP comes from the content', async () => {
    const root = await coffeeRepo(published);
    const run = (tz: string, file: string) => runCli(['plan', 'ics', '--account', 'shanye', '-o', file], root, { TZ: tz });
    expect(await run('America/Los_Angeles', 'a.ics')).toEqual({ code: 0, stdout: '', stderr: '已写入 a.ics：3 个日程。\n' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await run('Asia/Shanghai', 'b.ics');
    const [a, b] = await Promise.all([readFile(join(root, 'a.ics')), readFile(join(root, 'b.ics'))]);
    expect(a.equals(b)).toBe(true);
    // Outside git the stamp is the plan's first day, 00:00 in Beijing; lines end in CRLF as RFC 5545 asks.
    expect(parseCalendar(a.toString('utf8')).events.map((e) => e.stamp)).toEqual(['2026-11-30T16:00:00Z', '2026-11-30T16:00:00Z', '2026-11-30T16:00:00Z']);
    expect(a.toString('utf8')).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  });

  it('stamps each event with the last commit of its plan or article, and counts commits in SEQUENCE so a re-import updates', async () => {
    const editor = { name: '阿禾', email: 'a-he@shanye.example' };
    const repo = await makeGitRepo(coffeeFiles(), editor, '2026-11-20T10:00:00+08:00');
    const first = parseCalendar((await runCli(['plan', 'ics', '--account', 'shanye'], repo.root)).stdout).events;
    expect(first.map((e) => [e.uid, e.stamp, e.sequence])).toEqual([
      ['shanye-2026-12-01@mpdesk', '2026-11-20T02:00:00Z', 2],
      ['shanye-2026-12-02@mpdesk', '2026-11-20T02:00:00Z', 1],
      ['shanye-2026-12-03@mpdesk', '2026-11-20T02:00:00Z', 1],
    ]);
    const receipt = articleFile({ title: '冬天的手冲，水温要高一点', status: 'published', publish_at: '2026-12-01T20:00:00+08:00', plan: '2026-12/01', url: 'https://mp.weixin.qq.com/s/Sc7vQ1' });
    await repo.commit('发布回执：冬天的手冲', editor, '2026-12-01T20:05:00+08:00', { [articlePath('dongtian-shouchong')]: receipt });
    const second = parseCalendar((await runCli(['plan', 'ics', '--account', 'shanye'], repo.root)).stdout).events;
    expect(second.map((e) => [e.uid, e.stamp, e.sequence, e.url])).toEqual([
      ['shanye-2026-12-01@mpdesk', '2026-12-01T12:05:00Z', 3, 'https://mp.weixin.qq.com/s/Sc7vQ1'],
      ['shanye-2026-12-02@mpdesk', '2026-11-20T02:00:00Z', 1, null],
      ['shanye-2026-12-03@mpdesk', '2026-11-20T02:00:00Z', 1, null],
    ]);
  });

  it('names each account in the summary when several share the calendar', async () => {
    const tea = {
      'content/qinghe/account.yaml': accountYaml('').replace('name: 山野咖啡', 'name: 青禾茶事'),
      'content/qinghe/plans/2026-12.md': planFile('2026-12', [{ id: '01', topic: '冬天喝什么茶', publish_at: '2026-12-03T20:00:00+08:00' }]),
    };
    const { name, events } = parseCalendar(await calendarText(tea, {}));
    expect(name).toBe('mpdesk 内容计划');
    expect(events.map((e) => [e.uid, e.summary])).toEqual([
      ['qinghe-2026-12-01@mpdesk', '[青禾茶事] 冬天喝什么茶'],
      ['shanye-2026-12-01@mpdesk', '[山野咖啡] 冬天的手冲怎么调水温'],
      ['shanye-2026-12-02@mpdesk', '[山野咖啡] 云南咖啡产区巡礼：保山与普洱'],
      ['shanye-2026-12-03@mpdesk', '[山野咖啡] 圣诞特调：桂皮拿铁'],
    ]);
  });

  it('says in Chinese when the output cannot be written, and exits 2', async () => {
    const root = await coffeeRepo();
    await mkdir(join(root, 'plans.ics'));
    const result = await runCli(['plan', 'ics', '-o', 'plans.ics'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mpdesk: .*plans\.ics.*（EISDIR）/);
    expect((await loadContent(root)).plans).toHaveLength(1);
  });
});
