import { beijingWallClock } from '../shared/beijing-time.ts';
import type { Finding } from '../shared/finding.ts';
import { findingAt } from './findings.ts';
import type { AccountSchedule, ScheduledEntry } from './schedule.ts';
import { entryLabel } from './slots.ts';
import { clockText, dayAndTime } from './time-text.ts';

/** The topic `plan new` writes for an entry still to be decided; the check asks for it to be filled. */
export const topicPlaceholder = '待定';

/**
 * Entries and articles that do not meet: an entry with no article, an article in a planned month with no entry,
 * an entry whose topic is still the placeholder, an entry whose time falls in another month in China.
 */
export function coverageFindings(schedule: AccountSchedule): Finding[] {
  return [...schedule.entries.flatMap((scheduled) => entryFindings(schedule.account, scheduled)), ...unplannedFindings(schedule)];
}

function entryFindings(account: string, scheduled: ScheduledEntry): Finding[] {
  const { plan, entry, key } = scheduled;
  const findings: Finding[] = [];
  const field = `entries[${entry.index}]`;
  const clock = beijingWallClock(entry.fields.publish_at);
  if (clock.month !== plan.month) {
    findings.push(
      findingAt(plan.source, entry.keys.publish_at ?? entry.span, {
        ruleId: 'plan/entry-outside-month',
        severity: 'error',
        message: `条目 ${key} 的计划时间 ${entry.fields.publish_at} 是北京时间 ${clockText(clock)}，不在本计划的月份 ${plan.month} 内：改时间，或把它移到 ${clock.month} 的计划里。`,
        field: `${field}.publish_at`,
      }),
    );
  }
  const when = dayAndTime(entry.fields.publish_at);
  if (entry.fields.topic.trim() === topicPlaceholder) {
    findings.push(
      findingAt(plan.source, entry.keys.topic ?? entry.span, {
        ruleId: 'plan/topic-todo',
        severity: 'warning',
        message: `条目 ${key}（${when}）的选题还是“${topicPlaceholder}”：填上选题，再补上 format、owner、goal。`,
        field: `${field}.topic`,
      }),
    );
  } else if (scheduled.articles.length === 0) {
    findings.push(
      findingAt(plan.source, entry.span, {
        ruleId: 'plan/entry-without-article',
        severity: 'warning',
        message: `条目 ${entryLabel(scheduled)}（${when}）还没有文章：新建一篇，frontmatter 写 plan: ${key}。`,
        field,
        suggestions: [`mpdesk new article --account ${account} --plan ${key} --title "${entry.fields.topic.replace(/"/g, '\\"')}"`],
      }),
    );
  }
  return findings;
}

function unplannedFindings(schedule: AccountSchedule): Finding[] {
  return schedule.unplanned.map(({ article, month, missing }) => {
    const plan = schedule.plans.find((p) => p.month === month)!;
    const at = missing !== undefined ? article.planSpan : article.publishSpan;
    const clock = beijingWallClock(article.publish_at!);
    const why = missing !== undefined ? `写的计划条目 ${missing} 不存在` : '没有写 plan:';
    return findingAt(article.source, at ?? [article.source.bomLength, article.source.bomLength + 3], {
      ruleId: 'plan/unplanned-article',
      severity: 'warning',
      message: `文章「${article.title}」在北京时间 ${clockText(clock)} 发布，属于 ${month}，但${why}，不在计划里：在 ${plan.file} 加一条，并在文章里写 plan: ${month}/<条目 id>。`,
      field: missing !== undefined ? 'plan' : 'publish_at',
    });
  });
}
