import { parse } from 'yaml';
import { validatorFor } from '../validate/schemas.ts';

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
  let data: unknown;
  try {
    data = parse(accountYaml.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `${file}：YAML 无法解析（${(error as Error).message.split('\n')[0]}），先运行 mpdesk validate。` };
  }
  if (validatorFor('account')(data).length > 0) {
    return { ok: false, message: `${file}：不符合账号 schema，先运行 mpdesk validate ${file}。` };
  }
  const levels = (data as { review: { levels: ReviewLevel[] } }).review.levels;
  const names = levels.map((level) => level.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) return { ok: false, message: `${file}：审核级别名称“${repeated}”重复，trailer 无法区分。` };
  return { ok: true, levels };
}

export const isTeam = (approver: string): boolean => approver.includes('/');
