import { retry } from '@octokit/plugin-retry';
import { RequestError } from '@octokit/request-error';
import { Octokit } from '@octokit/rest';

/** Where and as whom to talk to GitHub; read from the Actions environment by `githubSettingsFromEnv`. */
export interface GitHubSettings {
  /** REST API root: https://api.github.com, a GitHub Enterprise `/api/v3` URL, or a local fake. */
  apiUrl: string;
  /** `owner/name`. */
  repository: string;
  token: string;
  /**
   * A token that may read the organisation's teams, used only for team membership. GITHUB_TOKEN cannot, and a
   * personal token would sign the commit status as a person instead of GitHub Actions.
   */
  teamToken?: string;
  /** Retries of a 5xx answer or a dropped connection; the delay grows as 1, 4, 9 … times `retryDelayMs`. */
  retries?: number;
  retryDelayMs?: number;
}

export interface PullRequest {
  number: number;
  title: string;
  url: string;
  author: string;
  headSha: string;
  /** `owner:branch`, as GitHub names the head in its own merge titles. */
  headLabel: string;
  baseSha: string;
  baseRef: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergeCommitSha?: string;
  /** How many files GitHub says the pull request changes. */
  changedFileCount: number;
}

export interface ChangedFile {
  file: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousFile?: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  id: number;
  login: string;
  state: ReviewState;
  /** The head commit the review was given on. */
  commitId: string;
  submittedAt: string;
}

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** A failed GitHub call, with a message a person can act on. The CLI exits 2 on it. */
export class GitHubError extends Error {
  override name = 'GitHubError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const ownRepoPattern = /^[\w.-]+\/[\w.-]+$/;

/** The few GitHub REST calls mpdesk makes, each named for what it does and each failing with a GitHubError. */
export class GitHub {
  readonly owner: string;
  readonly repo: string;
  private readonly octokit: Octokit;
  private readonly teamOctokit: Octokit;
  private readonly apiUrl: string;

  constructor(settings: GitHubSettings) {
    if (!ownRepoPattern.test(settings.repository)) {
      throw new GitHubError(`GITHUB_REPOSITORY 应为 owner/name 形式：${settings.repository}`);
    }
    [this.owner, this.repo] = settings.repository.split('/') as [string, string];
    this.apiUrl = settings.apiUrl.replace(/\/+$/, '');
    const WithRetry = Octokit.plugin(retry);
    const client = (auth: string) =>
      new WithRetry({
        auth,
        baseUrl: this.apiUrl,
        userAgent: 'mpdesk',
        log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
        retry: {
          retries: settings.retries ?? 2,
          retryAfterBaseValue: settings.retryDelayMs ?? 1000,
          // Only server errors are worth a second try; 405/409 on merge and every rate limit are answers.
          doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 429, 451],
        },
      });
    this.octokit = client(settings.token);
    this.teamOctokit = settings.teamToken ? client(settings.teamToken) : this.octokit;
  }

  async pullRequest(number: number): Promise<PullRequest> {
    const { data } = await this.call(`读取拉取请求 #${number}`, () =>
      this.octokit.rest.pulls.get({ owner: this.owner, repo: this.repo, pull_number: number }),
    );
    return {
      number: data.number,
      title: data.title,
      url: data.html_url,
      author: data.user.login,
      headSha: data.head.sha,
      headLabel: data.head.label,
      baseSha: data.base.sha,
      baseRef: data.base.ref,
      state: data.state as PullRequest['state'],
      merged: data.merged,
      ...(data.merge_commit_sha && data.merged ? { mergeCommitSha: data.merge_commit_sha } : {}),
      changedFileCount: data.changed_files,
    };
  }

  /** The open pull request whose head is `sha`: how a workflow woken by a review finds its pull request. */
  async pullRequestWithHead(sha: string): Promise<number | undefined> {
    const pulls = await this.call(`查找 head 为 ${sha.slice(0, 7)} 的拉取请求`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.list, { owner: this.owner, repo: this.repo, state: 'open', per_page: 100 }),
    );
    return pulls.find((p) => p.head.sha === sha)?.number;
  }

  /** Logins that authored or committed the pull request's commits (GitHub's own web-flow committer aside). */
  async contributors(number: number): Promise<Set<string>> {
    const commits = await this.call(`读取拉取请求 #${number} 的提交`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listCommits, { owner: this.owner, repo: this.repo, pull_number: number, per_page: 100 }),
    );
    const logins = commits.flatMap((c) => [c.author?.login, c.committer?.login]).filter((l): l is string => !!l && l !== 'web-flow');
    return new Set(logins.map((l) => l.toLowerCase()));
  }

  /** Sets the commit status that the branch ruleset requires. */
  async setStatus(sha: string, context: string, state: 'success' | 'failure' | 'error', description: string, targetUrl?: string): Promise<void> {
    await this.call(`设置提交状态 ${context}`, () =>
      this.octokit.rest.repos.createCommitStatus({
        owner: this.owner,
        repo: this.repo,
        sha,
        context,
        state,
        // GitHub cuts descriptions at 140 characters.
        description: [...description].slice(0, 140).join(''),
        ...(targetUrl ? { target_url: targetUrl } : {}),
      }),
    );
  }

  async changedFiles(number: number): Promise<ChangedFile[]> {
    const files = await this.call(`读取拉取请求 #${number} 的改动文件`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listFiles, { owner: this.owner, repo: this.repo, pull_number: number, per_page: 100 }),
    );
    return files.map((f) => ({ file: f.filename, status: f.status, ...(f.previous_filename ? { previousFile: f.previous_filename } : {}) }));
  }

  async reviews(number: number): Promise<Review[]> {
    const reviews = await this.call(`读取拉取请求 #${number} 的审核`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listReviews, { owner: this.owner, repo: this.repo, pull_number: number, per_page: 100 }),
    );
    return reviews.flatMap((r) =>
      r.user && r.commit_id && r.submitted_at
        ? [{ id: r.id, login: r.user.login, state: r.state as ReviewState, commitId: r.commit_id, submittedAt: r.submitted_at }]
        : [],
    );
  }

  /** Whether `login` is an active member of `org/team`. Needs a token that may read the organisation's teams. */
  async isTeamMember(team: string, login: string): Promise<boolean> {
    const [org, slug] = team.split('/') as [string, string];
    try {
      const { data } = await this.teamOctokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
      return data.state === 'active';
    } catch (error) {
      // 404 is GitHub's answer for "not a member"; it is also what a token without read:org gets for a secret team.
      if (error instanceof RequestError && error.status === 404) return false;
      throw this.explain(error, `查询 ${login} 是否属于团队 ${team}`);
    }
  }

  /** The text of a file at a commit, or undefined when it does not exist there. */
  async fileAt(path: string, ref: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.repos.getContent({ owner: this.owner, repo: this.repo, path, ref });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (error instanceof RequestError && error.status === 404) return undefined;
      throw this.explain(error, `读取 ${path}@${ref.slice(0, 7)}`);
    }
  }

  /** Creates the pull request comment that carries `marker`, or updates it, so reruns do not pile up comments. */
  async upsertComment(number: number, marker: string, body: string): Promise<void> {
    const comments = await this.call(`读取拉取请求 #${number} 的评论`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, { owner: this.owner, repo: this.repo, issue_number: number, per_page: 100 }),
    );
    const mine = comments.find((c) => c.body?.includes(marker));
    const text = `${marker}\n${body}`;
    if (mine) {
      await this.call('更新审核结果评论', () => this.octokit.rest.issues.updateComment({ owner: this.owner, repo: this.repo, comment_id: mine.id, body: text }));
    } else {
      // Not retried: a retry after a lost answer would post the comment twice.
      await this.call('发表审核结果评论', () => this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: number, body: text, request: { retries: 0 } }));
    }
  }

  async permission(login: string): Promise<Permission> {
    const { data } = await this.call(`查询 ${login} 的仓库权限`, () =>
      this.octokit.rest.repos.getCollaboratorPermissionLevel({ owner: this.owner, repo: this.repo, username: login }),
    );
    // role_name tells maintain and triage apart, which `permission` folds into write and read.
    const role = data.role_name as Permission | undefined;
    return role && ['admin', 'maintain', 'write', 'triage', 'read'].includes(role) ? role : (data.permission as Permission);
  }

  /** Merges with a merge commit, only if the head is still `sha`; returns the merge commit's sha. */
  async merge(number: number, sha: string, title: string, message: string): Promise<string> {
    try {
      const { data } = await this.octokit.rest.pulls.merge({
        owner: this.owner,
        repo: this.repo,
        pull_number: number,
        sha,
        commit_title: title,
        commit_message: message,
        merge_method: 'merge',
        // Not retried: the merge may have happened even when the answer was lost.
        request: { retries: 0 },
      });
      return data.sha;
    } catch (error) {
      // A lost answer or a "not mergeable" may hide a merge that went through; ask before calling it a failure.
      const pull = await this.pullRequest(number).catch(() => undefined);
      if (pull?.merged && pull.mergeCommitSha && pull.headSha === sha) return pull.mergeCommitSha;
      throw this.explain(error, `合并拉取请求 #${number}`);
    }
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.explain(error, what);
    }
  }

  private explain(error: unknown, what: string): GitHubError {
    // Octokit reports a connection that never got an answer as a RequestError without a response.
    if (!(error instanceof RequestError) || !error.response) {
      return new GitHubError(`${what}失败：无法连接 GitHub API ${this.apiUrl}（${rootCause(error)}）。检查网络和 GITHUB_API_URL。`);
    }
    const headers = error.response?.headers ?? {};
    const said = githubMessage(error);
    const status = error.status;
    if ((status === 403 || status === 429) && headers['x-ratelimit-remaining'] === '0') {
      const reset = Number(headers['x-ratelimit-reset']);
      const when = Number.isFinite(reset) && reset > 0 ? `，将于 ${new Date(reset * 1000).toISOString()} 恢复` : '';
      return new GitHubError(`${what}失败：GitHub API 调用次数已用完（速率限制）${when}。稍后重新运行。`, status);
    }
    if ((status === 403 || status === 429) && (headers['retry-after'] !== undefined || /secondary rate limit/i.test(said))) {
      const wait = headers['retry-after'] ?? '60';
      return new GitHubError(`${what}失败：触发了 GitHub 的次级速率限制，请在 ${wait} 秒后重试。${said}`, status);
    }
    const hint: Record<number, string> = {
      401: 'GitHub 令牌无效或已过期，检查 GITHUB_TOKEN。',
      403: '令牌没有这项权限（工作流需要 pull-requests: write、statuses: write，合并需要 contents: write；查询团队成员需要能读取组织的令牌 MPDESK_TEAM_TOKEN）。',
      404: `找不到：检查仓库 ${this.owner}/${this.repo}、编号和令牌的访问范围。`,
      405: '拉取请求当前不能合并（可能有冲突、已合并或未满足分支规则）。',
      409: '拉取请求的 head 在审核后又有了新提交，请重新审核后再合并。',
      422: 'GitHub 拒绝了请求内容。',
    };
    const advice = hint[status] ?? (status >= 500 ? `GitHub 服务出错，重试后仍失败。` : '');
    return new GitHubError(`${what}失败（HTTP ${status}）：${advice}${said}`, status);
  }
}

function rootCause(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const code = (current as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (current instanceof Error ? current.message : String(current));
}

function githubMessage(error: RequestError): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? ` GitHub：${data.message}` : '';
}

/**
 * The settings every Actions tool reads: GITHUB_API_URL (GitHub Enterprise or a local fake), GITHUB_REPOSITORY,
 * GITHUB_TOKEN. `repository` overrides GITHUB_REPOSITORY.
 */
export function githubSettingsFromEnv(env: NodeJS.ProcessEnv, repository?: string): GitHubSettings {
  const repo = repository ?? env.GITHUB_REPOSITORY;
  if (!repo) throw new GitHubError('没有指定仓库：设置 GITHUB_REPOSITORY=owner/name 或使用 --repo。');
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  if (!token) throw new GitHubError('没有 GitHub 令牌：设置 GITHUB_TOKEN（工作流里是 ${{ secrets.GITHUB_TOKEN }}）。');
  return { apiUrl: env.GITHUB_API_URL || 'https://api.github.com', repository: repo, token, ...(env.MPDESK_TEAM_TOKEN ? { teamToken: env.MPDESK_TEAM_TOKEN } : {}) };
}
