import type { AccountFile } from '../content/index.ts';
import { reviewLevelsOf } from './policy.ts';

const begin = '# BEGIN mpdesk accounts: generated from content/*/account.yaml by `mpdesk review codeowners`; edit those instead.';
const end = '# END mpdesk accounts';
const githubName = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?$/;

/**
 * CODEOWNERS with one line per account routing its folder to everyone on its review levels, so GitHub asks
 * them for a review. Lines outside the generated block are kept as they are. Names that are not GitHub logins
 * or teams (teams off GitHub) cannot be code owners and are left out.
 */
export function codeownersFor(accounts: readonly AccountFile[], current: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  const lines = [begin];
  for (const account of [...accounts].sort((a, b) => a.place.account.localeCompare(b.place.account))) {
    const policy = reviewLevelsOf(account.source.text, account.source.file);
    if (!policy.ok) {
      problems.push(policy.message);
      continue;
    }
    const owners = [...new Set(policy.levels.flatMap((level) => level.approvers).filter((a) => githubName.test(a)))];
    if (owners.length) lines.push(`/content/${account.place.account}/ ${owners.map((o) => `@${o}`).join(' ')}`);
  }
  lines.push(end);
  const block = lines.join('\n');
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const text =
    start >= 0 && stop > start
      ? `${current.slice(0, start)}${block}${current.slice(stop + end.length)}`
      : `${current}${current && !current.endsWith('\n') ? '\n' : ''}${current ? '\n' : ''}${block}\n`;
  return { text, problems };
}
