import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../content/index.ts';
import { baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { codeownersFor } from './codeowners.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFile(`${repoRoot}${file}`, 'utf8');

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { name?: string; steps: Array<{ run?: string; with?: Record<string, unknown> }> }>;
}

describe('the .github files the process relies on', () => {
  it('requires, in the ruleset, the very check the review workflow reports', async () => {
    const review = parse(await read('.github/workflows/review.yml')) as Workflow;
    const ruleset = JSON.parse(await read('.github/rulesets/main.json')) as { rules: Array<{ type: string; parameters?: { required_status_checks?: Array<{ context: string }> } }> };
    const required = ruleset.rules.find((r) => r.type === 'required_status_checks')!.parameters!.required_status_checks!.map((c) => c.context);
    expect(required).toContain(review.jobs.gate!.name);
    expect(Object.keys(review.on).sort()).toEqual(['pull_request', 'pull_request_review']);
    expect(review.jobs.gate!.steps.map((s) => s.run ?? '').join('\n')).toContain('mpdesk review gate --pr');
    // The gate runs the base branch's code, not the pull request's.
    expect(review.jobs.gate!.steps[0]!.with).toEqual({ ref: '${{ github.event.pull_request.base.sha }}' });
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
