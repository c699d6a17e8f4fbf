import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../content/index.ts';
import { accountYaml, article, makeRepo } from '../../../testing/fixture-repo.ts';
import { lintContent } from '../../index.ts';
import { normalize } from '../../normalize.ts';
import { readWordFile } from '../../word-file.ts';
import { allRules } from '../index.ts';
import { isRoleName } from './clauses.ts';

const platformRules = allRules.filter((r) => r.id.startsWith('platform/'));

/** Lints each body (or title, when it starts with “title:”) as its own article; the platform rule ids per article. */
async function platformFindings(lines: readonly string[]): Promise<string[][]> {
  const files: Record<string, string> = { 'content/shanye/account.yaml': accountYaml };
  lines.forEach((line, i) => {
    const path = `content/shanye/articles/2026/a${i}/index.md`;
    files[path] = line.startsWith('title:') ? article(`${line}\nstatus: draft`, '正文。\n') : article('title: 示例\nstatus: draft', `${line}\n`);
  });
  const { findings } = await lintContent(await loadContent(await makeRepo(files)), { rules: platformRules });
  return lines.map((_, i) => [...new Set(findings.filter((f) => f.file.includes(`/a${i}/`)).map((f) => f.ruleId))].sort());
}

describe('the platform lexicon', () => {
  it('uses only word classes the matcher knows, and terms of two characters or more after folding', async () => {
    const path = fileURLToPath(new URL('../../dictionaries/platform.yaml', import.meta.url));
    const { list, findings } = await readWordFile(path, 'scripts/lint/dictionaries/platform.yaml', 'platform.yaml');
    expect(findings).toEqual([]);
    for (const entry of list.entries) {
      expect([entry.category, ...(entry.tags ?? [])].filter((name) => !isRoleName(name)), entry.term).toEqual([]);
      expect([...normalize(entry.term).text].length, entry.term).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('platform rules read sentences, not words', () => {
  it('reports an action with a reward, a gate or a threat in the same sentence, whatever the wording', async () => {
    const cases: Array<[string, string[]]> = [
      ['把这张海报转到你的业主群，第二天凭截图来店里换一杯柠檬茶。', ['platform/induced-sharing']],
      ['测完记得分享给闺蜜，分享成功才会显示你的专属茶格。', ['platform/induced-sharing']],
      ['这篇不转的人，明年体检都过不了关。', ['platform/induced-sharing']],
      ['每成功邀请一位好友注册，你的账户就多 5 元。', ['platform/induced-sharing']],
      ['关注我们并回复“春茶”，系统自动发你一份电子版茶谱。', ['platform/induced-following']],
      ['没关注的读者看不到下半篇。', ['platform/induced-following']],
      ['给这篇点个在看，周日从在看名单里抽两位送茶具。', ['platform/induced-clicking']],
      ['点赞破千，下期就揭晓谜底。', ['platform/induced-clicking']],
      ['今天的广告大家帮忙点一点，点击量够了就给大家发红包。', ['platform/induced-clicking']],
      ['大家帮忙给我们茶馆投票，每天都能投，投满 7 天还能抽奖。', ['platform/vote-collecting']],
      ['点开下面这个红包，填写手机号就能领。', ['platform/fake-red-packet']],
      ['详情见[点此领取现金红包](https://example.com/hb)。', ['platform/fake-red-packet']],
      ['详情见[拆开红包](https://example.com/hb)。', ['platform/fake-red-packet']],
      ['title: 【通知】您的 20 元茶券即将失效，点击领取', ['platform/fake-red-packet']],
      ['title: 吓人！喝了十年的茶竟然是这样做出来的', ['platform/sensational-headline']],
      ['想要完整茶单的加我私人微信，号码 teaxm01。', ['platform/traffic-diversion']],
      ['下载“青禾”App，新人注册送 10 元。', ['platform/traffic-diversion']],
    ];
    expect(await platformFindings(cases.map(([line]) => line))).toEqual(cases.map(([, ids]) => ids));
  });

  it('stays quiet on invitations, narration, negations and ordinary words', async () => {
    const clean = [
      '如果觉得有用，转给身边爱茶的朋友就好。',
      '关注我们，每周五推送一篇茶知识。',
      '活动不需要关注和转发，留言就能参加抽奖。',
      '他把我们的文章转发到了公司群，同事们都说好。',
      '春节时，长辈们总会给孩子发红包，这是老传统。',
      '读者投票的结果是：冬天最受欢迎的是红茶。',
      '喜欢这篇的话，点个赞再走吧。',
      '这个公众号我一直在看，也常去他们的店里领会员礼。',
      '今天想和大家分享一本书。',
      '他在村里很有威信，大家都听他的。',
      '请查阅 application programming interface 的文档。',
      '茶叶保存最好放在阴凉干燥处，淘宝上也有专门的茶叶罐。',
      'title: 震后重建的茶园，如今怎样了',
      '震惊之余，他把这件事写了下来。',
      '很多商家用“转发领红包”吸粉，这种做法已经被平台明令禁止。',
      '记者发现，不少公众号以“关注后回复领取资料”的方式涨粉。',
      '孩子们围在一起拆红包，笑声不断。',
      '她点开红包，发现只有一分钱。',
      '主队在主场终于结束了三连败。',
      '随后，评委会秘书送上本轮投票的公证材料。',
      '因为票数最低，她没能进入决赛。',
      '选手们一起合唱拉票歌，台下掌声不断。',
    ];
    expect(await platformFindings(clean)).toEqual(clean.map(() => []));
  });
});
