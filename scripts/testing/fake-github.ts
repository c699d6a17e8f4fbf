import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the GitHub REST API on 127.0.0.1, for the review gate's tests. It answers the calls mpdesk makes
 * the way GitHub does: token check, pagination with Link headers, rate-limit headers and 403s, 404 bodies,
 * 405/409 on merge, and server errors on demand.
 */
export interface FakeReview {
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit: string;
  at: string;
}

export interface FakePull {
  number: number;
  title: string;
  author: string;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  files: Array<{ filename: string; status?: string; previous_filename?: string }>;
  reviews: FakeReview[];
  mergeable?: boolean;
  merged?: boolean;
  mergeCommitSha?: string;
  /** Who wrote and committed the pull request's commits; by default one commit by its author. */
  commits?: Array<{ author: string | null; committer?: string | null }>;
  /** What GitHub says the file count is, when it lists fewer (it stops at 3,000). */
  changedFileCount?: number;
  /** Merge, but answer with this status, as when the answer is lost on the way. */
  mergeAnswer?: number;
}

export interface FakeStatus {
  sha: string;
  context: string;
  state: string;
  description: string;
  target_url?: string;
}

export interface FakeMerge {
  number: number;
  sha: string;
  commit_title: string;
  commit_message: string;
  merge_method: string;
  mergeSha: string;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  token?: string;
  pulls?: FakePull[];
  /** `ref` → repository path → text, for the contents API. */
  trees?: Record<string, Record<string, string>>;
  /** `org/team` → member logins. */
  teams?: Record<string, string[]>;
  /** login → permission; anyone else reads. */
  permissions?: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read'>;
  /** Requests left before the primary rate limit answers 403. */
  rateLimitRemaining?: number;
}

export interface FakeGitHub {
  apiUrl: string;
  repository: string;
  token: string;
  pulls: Map<number, FakePull>;
  comments: Array<{ id: number; issue: number; body: string }>;
  merges: FakeMerge[];
  statuses: FakeStatus[];
  requests: string[];
  /** The next `count` requests whose path matches `path` answer `status`. */
  failNext(path: RegExp, status: number, count?: number, headers?: Record<string, string>): void;
  setRateLimitRemaining(remaining: number): void;
  close(): Promise<void>;
}

interface Failure {
  path: RegExp;
  status: number;
  count: number;
  headers: Record<string, string>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'qinghe';
  const repo = options.repo ?? 'content';
  const token = options.token ?? 'ghs_test_token';
  const pulls = new Map((options.pulls ?? []).map((p) => [p.number, structuredClone(p)]));
  const trees = options.trees ?? {};
  const teams = options.teams ?? {};
  const permissions = options.permissions ?? {};
  const comments: FakeGitHub['comments'] = [];
  const merges: FakeMerge[] = [];
  const statuses: FakeStatus[] = [];
  const requests: string[] = [];
  const failures: Failure[] = [];
  let remaining = options.rateLimitRemaining ?? 5000;
  let nextId = 1000;
  let origin = '';

  const repoPrefix = `/repos/${owner}/${repo}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    requests.push(`${method} ${path}${url.search}`);
    const reset = String(Math.floor(Date.UTC(2026, 10, 23, 12, 0, 0) / 1000));
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(Math.max(remaining, 0)),
        'x-ratelimit-reset': reset,
        ...headers,
      });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    const notFound = () => send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });

    const auth = request.headers.authorization ?? '';
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      return;
    }
    const failure = failures.find((f) => f.path.test(path) && f.count > 0);
    if (failure) {
      failure.count -= 1;
      send(failure.status, { message: failure.status >= 500 ? 'Server Error' : 'You have exceeded a secondary rate limit.' }, failure.headers);
      return;
    }
    if (remaining <= 0) {
      send(403, { message: `API rate limit exceeded for installation ID 1.`, documentation_url: 'https://docs.github.com/rest/rate-limit' });
      return;
    }
    remaining -= 1;

    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? '30'), 100);
    const paged = (items: unknown[]) => {
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const links: string[] = [];
      const link = (p: number, rel: string) => {
        const next = new URL(url.href.replace('http://127.0.0.1', origin));
        next.searchParams.set('page', String(p));
        links.push(`<${next.href}>; rel="${rel}"`);
      };
      if (page < last) link(page + 1, 'next');
      if (page > 1) link(page - 1, 'prev');
      if (last > 1) link(last, 'last');
      send(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
    };

    let match: RegExpMatchArray | null;
    if ((match = path.match(/^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/)) && method === 'GET') {
      const members = teams[`${match[1]}/${match[2]}`];
      if (!members?.includes(match[3]!)) return notFound();
      return send(200, { url: `${origin}${path}`, role: 'member', state: 'active' });
    }
    if (!path.startsWith(`${repoPrefix}/`)) return notFound();
    const rest = path.slice(repoPrefix.length);

    if (rest === '/pulls' && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      return paged([...pulls.values()].filter((p) => state === 'all' || (p.merged ? 'closed' : 'open') === state).map((p) => pullJson(p, origin, owner, repo)));
    }
    if ((match = rest.match(/^\/statuses\/([0-9a-f]{40})$/)) && method === 'POST') {
      const body = JSON.parse(await readBody(request)) as Omit<FakeStatus, 'sha'>;
      statuses.push({ sha: match[1]!, ...body });
      return send(201, { id: nextId++, ...body });
    }
    if ((match = rest.match(/^\/pulls\/(\d+)(\/.*)?$/))) {
      const pull = pulls.get(Number(match[1]));
      if (!pull) return notFound();
      const sub = match[2] ?? '';
      if (sub === '' && method === 'GET') return send(200, pullJson(pull, origin, owner, repo));
      if (sub === '/files' && method === 'GET') {
        return paged(pull.files.map((f) => ({ sha: 'f'.repeat(40), filename: f.filename, status: f.status ?? 'modified', additions: 1, deletions: 0, changes: 1, ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}) })));
      }
      if (sub === '/commits' && method === 'GET') {
        const commits = pull.commits ?? [{ author: pull.author }];
        const user = (login: string | null | undefined) => (login ? { login, type: 'User' } : null);
        return paged(commits.map((c, i) => ({ sha: String(i).padStart(40, 'e'), author: user(c.author), committer: user(c.committer === undefined ? c.author : c.committer) })));
      }
      if (sub === '/reviews' && method === 'GET') {
        return paged(
          pull.reviews.map((r, i) => ({
            id: 80_000 + i,
            user: { login: r.login, id: i + 1, type: 'User' },
            body: '',
            state: r.state,
            commit_id: r.commit,
            submitted_at: r.state === 'PENDING' ? undefined : r.at,
            html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}#pullrequestreview-${80_000 + i}`,
          })),
        );
      }
      if (sub === '/merge' && method === 'PUT') {
        const body = JSON.parse((await readBody(request)) || '{}') as Partial<FakeMerge>;
        if (pull.merged) return send(405, { message: 'Pull Request is not mergeable' });
        if (pull.mergeable === false) return send(405, { message: 'Pull Request is not mergeable' });
        if (body.sha && body.sha !== pull.head.sha) return send(409, { message: 'Head branch was modified. Review and try the merge again.' });
        const mergeSha = (nextId++).toString(16).padStart(40, 'a');
        merges.push({ number: pull.number, sha: body.sha ?? '', commit_title: body.commit_title ?? '', commit_message: body.commit_message ?? '', merge_method: body.merge_method ?? 'merge', mergeSha });
        pull.merged = true;
        pull.mergeCommitSha = mergeSha;
        if (pull.mergeAnswer) return send(pull.mergeAnswer, { message: 'Server Error' });
        return send(200, { sha: mergeSha, merged: true, message: 'Pull Request successfully merged' });
      }
      return notFound();
    }
    if ((match = rest.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = Number(match[1]);
      if (!pulls.has(issue)) return notFound();
      if (method === 'GET') return paged(comments.filter((c) => c.issue === issue).map((c) => ({ id: c.id, body: c.body, user: { login: 'github-actions[bot]' } })));
      if (method === 'POST') {
        const { body } = JSON.parse(await readBody(request)) as { body: string };
        const comment = { id: nextId++, issue, body };
        comments.push(comment);
        return send(201, { id: comment.id, body });
      }
    }
    if ((match = rest.match(/^\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(match![1]));
      if (!comment) return notFound();
      comment.body = (JSON.parse(await readBody(request)) as { body: string }).body;
      return send(200, { id: comment.id, body: comment.body });
    }
    if ((match = rest.match(/^\/contents\/(.+)$/)) && method === 'GET') {
      const ref = url.searchParams.get('ref') ?? 'main';
      const file = decodeURIComponent(match[1]!);
      const text = trees[ref]?.[file];
      if (text === undefined) return notFound();
      return send(200, { type: 'file', encoding: 'base64', path: file, name: file.split('/').pop(), sha: 'b'.repeat(40), size: Buffer.byteLength(text), content: Buffer.from(text).toString('base64') });
    }
    if ((match = rest.match(/^\/collaborators\/([^/]+)\/permission$/)) && method === 'GET') {
      const role = permissions[match[1]!] ?? 'read';
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      return send(200, { permission, role_name: role, user: { login: match[1] } });
    }
    notFound();
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: origin,
    repository: `${owner}/${repo}`,
    token,
    pulls,
    comments,
    merges,
    statuses,
    requests,
    failNext: (path, status, count = 1, headers = {}) => failures.push({ path, status, count, headers }),
    setRateLimitRemaining: (value) => {
      remaining = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function pullJson(pull: FakePull, origin: string, owner: string, repo: string) {
  return {
    url: `${origin}/repos/${owner}/${repo}/pulls/${pull.number}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}`,
    number: pull.number,
    state: pull.merged ? 'closed' : 'open',
    title: pull.title,
    user: { login: pull.author, id: 1, type: 'User' },
    head: { sha: pull.head.sha, ref: pull.head.ref, label: `${owner}:${pull.head.ref}` },
    base: { sha: pull.base.sha, ref: pull.base.ref, label: `${owner}:${pull.base.ref}` },
    merged: pull.merged ?? false,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    mergeable: pull.mergeable ?? true,
    changed_files: pull.changedFileCount ?? pull.files.length,
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
