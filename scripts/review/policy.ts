import { conforms, readYamlFile } from '../content/index.ts';

/** One approval level of an account: its name (编辑, 审稿, 终审) and who may approve, logins or `org/team`. */
export interface ReviewLevel {
  name: string;
  approvers: string[];
  /** The level of repository maintainers the gate puts first for an account a pull request creates. */
  maintainers?: true;
}

export type PolicyResult = { ok: true; levels: ReviewLevel[] } | { ok: false; message: string };

/** The review levels an account.yaml text declares, or why they cannot be used. */
export function reviewLevelsOf(accountYaml: string, file: string): PolicyResult {
  const parsed = readYamlFile(accountYaml, accountYaml.startsWith('\uFEFF') ? 1 : 0);
  if (!parsed.ok) return { ok: false, message: `${file}：${parsed.message.replace(/。?$/, '')}。先运行 mpdesk validate ${file}。` };
  const data = parsed.frontmatter.data;
  if (!conforms('account', data)) {
    return { ok: false, message: `${file}：不符合账号 schema，先运行 mpdesk validate ${file}。` };
  }
  const levels: ReviewLevel[] = data.review.levels;
  const names = levels.map((level) => level.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) return { ok: false, message: `${file}：审核级别名称“${repeated}”重复，trailer 无法区分。` };
  return { ok: true, levels };
}

export const isTeam = (approver: string): boolean => approver.includes('/');

/** GitHub logins, and the names teams off GitHub use, compare without case. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export interface NamedApproval {
  name: string;
  level: string;
}

/**
 * What is wrong with recorded approvals against an account's levels: each level needs someone on its list, a
 * different person per level, and nobody who wrote the changes (matched by name or email). A level naming a team
 * accepts any name when `teams` is 'trust' (membership was checked by the gate and cannot be checked offline).
 */
export function approvalProblems(levels: readonly ReviewLevel[], approvals: readonly NamedApproval[], contributors: readonly string[], teams: 'trust' | 'reject'): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  const wrote = (name: string) => contributors.some((c) => sameName(c, name) || sameName(c.split('@')[0]!, name));
  for (const level of levels) {
    const given = approvals.filter((a) => a.level === level.name);
    const named = level.approvers.filter((a) => !isTeam(a));
    const anyone = teams === 'trust' && (level.maintainers || level.approvers.some(isTeam));
    const approver = given.find((a) => (anyone || named.some((n) => sameName(n, a.name))) && !used.has(a.name.toLowerCase()));
    if (!approver) {
      const who = given.length ? `的 ${given.map((a) => a.name).join('、')} 不在名单上或已审批其他级别` : '没有审批人';
      problems.push(`“${level.name}”级${who}（可审批：${named.join('、') || '名单里只有团队，请写明姓名'}）`);
      continue;
    }
    if (wrote(approver.name)) problems.push(`${approver.name} 提交过这些改动，不能审批自己的稿件`);
    used.add(approver.name.toLowerCase());
  }
  return problems;
}
