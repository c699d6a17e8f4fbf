import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../content/index.ts';
import { baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { codeownersFor } from './codeowners.ts';
import { gateStatusContext } from './index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFile(`${repoRoot}${file}`, 'utf8');

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { name?: string; steps: Array<{ run?: string; with?: Record<string, unknown> }> }>;
}

describe('the .github files the process relies on', () => {
  it('requires, in the ruleset, the status the review workflow sets, from trusted code only', async () => {
    const review = parse(await read('.github/workflows/review.yml')) as Workflow;
    const relay = parse(await read('.github/workflows/review-event.yml')) as Workflow & { permissions: unknown; name: string };
    const ruleset = JSON.parse(await read('.github/rulesets/main.json')) as { rules: Array<{ type: string; parameters?: { required_status_checks?: Array<{ context: string; integration_id?: number }> } }> };
    const required = ruleset.rules.find((r) => r.type === 'required_status_checks')!.parameters!.required_status_checks!;
    // 15368 is GitHub Actions: a status set by anyone else's token does not count.
    expect(required).toContainEqual({ context: gateStatusContext, integration_id: 15368 });
    // Both triggers run the base branch's workflow file; the review event is relayed from an unprivileged workflow.
    expect(review.on).toEqual({
      pull_request_target: { types: ['opened', 'synchronize', 'reopened', 'ready_for_review'] },
      workflow_run: { workflows: [relay.name], types: ['completed'] },
    });
    expect(Object.keys(relay.on)).toEqual(['pull_request_review']);
    expect(relay.permissions).toEqual({});
    const steps = review.jobs.gate!.steps;
    expect(steps.map((s) => s.run ?? '').join('\n')).toContain('mpdesk review gate --status');
    // Nothing of the pull request's is checked out: no ref, so the base branch.
    expect(steps[0]!.with).toEqual({ 'persist-credentials': false });
  });

  it('merges on a /merge comment through mpdesk, naming who asked', async () => {
    const merge = parse(await read('.github/workflows/merge.yml')) as Workflow;
    expect(Object.keys(merge.on)).toEqual(['issue_comment']);
    expect(merge.jobs.merge!.steps.map((s) => s.run ?? '').join('\n')).toContain('mpdesk review merge --pr "$PR_NUMBER" --requested-by "$REQUESTED_BY"');
  });

  it('keeps CODEOWNERS in step with the accounts’ review lists', async () => {
    const set = await loadContent(repoRoot);
    const current = await read('.github/CODEOWNERS');
    expect(codeownersFor(set.accounts, current)).toEqual({ text: current, problems: [] });
  });
});

describe('review and audit examples', () => {
  it('name approvers at the levels the sample account gives them, in help and README', async () => {
    const levels = (parse(await read('content/qinghe-tea/account.yaml')) as { review: { levels: Array<{ name: string; approvers: string[] }> } }).review.levels;
    const mayApprove = (name: string, level: string) => levels.some((l) => l.name === level && l.approvers.includes(name));
    const help = await Promise.all([['review', 'record'], ['review', 'merge'], ['review', 'check'], ['audit']].map((args) => runCli([...args, '--help'], repoRoot)));
    const texts = [...help.map((h) => h.stdout), await read('README.md')];
    const approvals = texts.flatMap((text) => [...text.matchAll(/--approve ([^\s<]\S*?)=(\S+)|Reviewed-by: (\S+) \((\S+)\)/g)].map((m) => [m[1] ?? m[3]!, m[2] ?? m[4]!] as const));
    expect(approvals.length).toBeGreaterThan(4);
    expect(approvals.filter(([name, level]) => !mayApprove(name, level))).toEqual([]);
    expect(help[0]!.stdout).toContain('--approve lin-yi=编辑');
    expect(help[0]!.stdout).toContain('--approve zhou-wen=审稿');
  });
});

describe('mpdesk review codeowners', () => {
  it('writes one line per account with its GitHub approvers, keeps other lines, and --check notices drift', async () => {
    const root = await makeRepo({ ...baseFiles(), '.github/CODEOWNERS': '* @shanye/maintainers\n' });
    expect((await runCli(['review', 'codeowners', '--check'], root)).code).toBe(1);
    expect((await runCli(['review', 'codeowners'], root)).code).toBe(0);
    const written = await readFile(`${root}/.github/CODEOWNERS`, 'utf8');
    expect(written).toMatch(/^\* @shanye\/maintainers\n\n# BEGIN mpdesk accounts.*\n\/content\/shanye\/ @a-he @shanye\/reviewers\n# END mpdesk accounts\n$/);
    expect((await runCli(['review', 'codeowners', '--check'], root)).code).toBe(0);
  });
});
