import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseMarkdown, readFrontmatter, releasing, toPortable, type ArticleFile, type ContentSet } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { WriteError } from '../shared/write-error.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { articleKey } from '../shared/input-key.ts';
import { toolHash } from '../shared/tool-hash.ts';
import { createLocator } from '../shared/text-locator.ts';
import type { FilePass } from '../shared/file-pass.ts';
import { shareJobs, startWorkers, threadCount } from '../shared/worker-pool.ts';
import { siblingModule } from '../shared/module-url.ts';
import { crossFileInputs, validateContent } from '../validate/index.ts';
import { lintCachePath, openLintCache, type CacheEntry, type LintCache, type LintCacheFile } from './cache.ts';
import type { Fix, PeerArticle, PeerParagraph, Rule } from './define-rule.ts';
import { engineFinding, errorText, fileStart, internalError, internalErrorMessage, lintFailed } from './engine-findings.ts';
import { applyFixes } from './fix.ts';
import { accountSettings, fileLinter } from './file-linter.ts';
import type { Lintable } from './lint-file.ts';
import { fileParagraphs, nearDuplicateFindings, peerParagraph, type FileParagraph } from './originality.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';
import { proseBlocks } from './prose.ts';
import { LintResources, repositoryLists, type ListFile } from './resources.ts';
import { loadRuleModules } from './rule-modules.ts';
import { builtinRules } from './builtin-rules.ts';
import { staleCopies } from './stale-copies.ts';
import type { LintPartSetup, LintTaskSetup } from './worker.ts';

export { engineRules, lintFailed } from './engine-findings.ts';
export { isWordListFile } from './resources.ts';
export { ruleModuleUrl } from './rule-modules.ts';
export type { LintJob, LintJobResult } from './lint-group.ts';

/** The worker side of a lint (its `task`, and its `part` for a build). */
const lintTask = siblingModule(import.meta.url, './worker');

export interface LintOptions {
  only?: (file: string) => boolean;
  /** Apply the mechanical fixes to the files (atomically); without it no file is written. */
  fix?: boolean;
  /** The rules to run instead of the built-in ones (tests); they run in this thread only. */
  rules?: readonly Rule[];
  /** URLs of custom rule modules (default export: a `defineRule` rule), run besides the others in every thread. */
  ruleModules?: readonly string[];
  /** Reuse results for files whose inputs did not change (default true; never with --fix or custom rules). */
  cache?: boolean;
  /** Word lists' staged bytes by repository path (`lint --staged`): checked, and used, instead of the working copy. */
  stagedLists?: ReadonlyMap<string, Uint8Array>;
  /** Threads to lint in, this one included; default: one per core when there are enough files to lint. */
  workers?: number;
}

export interface LintResult {
  findings: Finding[];
  /** Files changed by --fix. */
  fixed: string[];
  /** Files whose results came from the cache. */
  cached: number;
  /** A rule or the engine itself failed on some file (`lint/rule-crashed`, `lint/internal-error`): exit 2. */
  failed: boolean;
}

/**
 * Starts worker threads now when a cold lint of `files` files is coming (no cache yet), so they load while this
 * thread reads the content; with a cache, the run decides once it knows how much is left to lint.
 */
export function startLintWorkers(root: string, files: number): void {
  if (!existsSync(lintCachePath(root))) startWorkers(threadCount(files) - 1, [lintTask]);
}

/** Lint as per-file work another stage can do beside its own, in the same threads (see `FilePass`). */
export type LintPass = FilePass<LintJob, LintJobResult, LintResult, LintPartSetup>;

/** Files validated and linted together in a thread (a build renders them in the same groups). */
const groupSize = 8;

/**
 * Schema checks plus every lint rule over the selected articles and plans. Results are cached per file by a hash
 * of everything they depend on; a cached article still takes part in the originality comparison, from the
 * fingerprints its cache entry keeps.
 */
export async function lintContent(set: ContentSet, options: LintOptions = {}): Promise<LintResult> {
  // Worker threads cannot run rule objects handed in or rewrite files one pass after another: those stay here.
  const here = Boolean(options.fix || options.rules);
  const run = await prepareRun(set, options, (likely) => {
    if (!here) startWorkers((options.workers ?? threadCount(likely)) - 1, [lintTask]);
  });
  // Articles only compared with but not fingerprinted yet (after mpdesk changed) are work for the threads too.
  const workers = here ? 1 : (options.workers ?? threadCount(run.fresh.length + run.unprinted.length));
  if (workers > 1) {
    const pass = await passOf(set, run);
    const results = new Map<string, LintJobResult>();
    await shareJobs<LintTaskSetup, LintJob, LintJobResult>({
      module: lintTask,
      setup: { set: toPortable(set), part: pass.part.setup },
      jobs: pass.jobs,
      groupSize,
      workers: workers - 1,
      here: releasing(set, pass.here),
      onResult: (result) => results.set(result.file, result),
    });
    return pass.finish(results);
  }
  const fixed = await lintHere(set, { ...run, fix: options.fix ?? false });
  return complete(run, fixed);
}

/**
 * The lint of the selected files, prepared (cache read, word lists parsed) as per-file work for another stage to
 * do beside its own: the jobs left after the cache, and what finishes the run (originality, suppressions, cache).
 */
export async function lintPass(set: ContentSet, options: Pick<LintOptions, 'only'> = {}): Promise<LintPass> {
  return passOf(set, await prepareRun(set, options));
}

interface LintRun {
  wanted: (file: string) => boolean;
  /** The rules to run in this thread, loaded when first asked for (a run in worker threads never loads them here). */
  rules: () => Promise<readonly Rule[]>;
  /** Custom rules from modules, run in every thread. */
  extraRules: readonly Rule[];
  ruleModules: readonly string[];
  /** The cache file, when this run uses the cache. */
  store?: LintCacheFile;
  cache: LintCache;
  /** Whether the word lists' findings changed the cache. */
  listsChanged: boolean;
  targets: readonly Lintable[];
  /** The targets with no valid cache entry, in order. */
  fresh: readonly Lintable[];
  hit: (file: string) => CacheEntry | undefined;
  /** The kept fingerprints of an article only compared with, when its text is unchanged. */
  knownPrints: (article: ArticleFile) => PeerParagraph[] | undefined;
  /** Keeps the fingerprints of an article only compared with, for the next run; returns them. */
  keepPrints: (article: ArticleFile, paragraphs: PeerParagraph[]) => PeerParagraph[];
  /** Articles only compared with that have neither a record nor kept fingerprints: they must be parsed. */
  unprinted: readonly ArticleFile[];
  /** Whether kept fingerprints changed, so the cache is saved. */
  printsChanged: () => boolean;
  /** The hash of the tool and a file's text: what its fingerprints are kept by. */
  printKey: (file: { source: { file: string; text: string } }) => string;
  /** Whether a file the cache had a record of is gone (its record is dropped). */
  gone: boolean;
  /** Set once cached files were linted again because others changed (stale-copies.ts). */
  relinted: boolean;
  /** Takes one fresh file's findings (all of them, in order) and its fingerprints for the cache. */
  record: (target: Lintable, own: Finding[], paragraphs: PeerParagraph[]) => void;
  findings: Finding[];
  resources: LintResources;
}

/**
 * What a run starts from: the cache and each file's input key, the targets left to lint, the word lists' own
 * findings and those of cached files. `onCache` hears, once the cache is read, how many targets have no entry at
 * all, so worker threads can start loading while the keys are hashed and the word lists parsed.
 */
async function prepareRun(set: ContentSet, options: LintOptions, onCache?: (likelyFresh: number) => void): Promise<LintRun> {
  const wanted = options.only ?? (() => true);
  const ruleModules = options.ruleModules ?? [];
  const extraRules = await loadRuleModules(ruleModules);
  const useCache = (options.cache ?? true) && !options.fix && !options.rules && !extraRules.length;
  const store = useCache ? await openLintCache(set.root) : undefined;
  const cache: LintCache = store?.cache ?? { entries: {}, lists: {}, prints: {} };
  const targets: Lintable[] = [...set.articles, ...set.plans].filter((f) => f.doc && wanted(f.source.file));
  onCache?.(targets.filter((t) => !cache.entries[t.source.file]).length);
  const tool = useCache ? toolHash() : '';
  const resources = new LintResources(set.root, undefined, options.stagedLists);
  const keys = useCache ? await inputKeys(set, targets, tool, resources) : new Map<string, string>();
  const hit = (file: string): CacheEntry | undefined => {
    const entry = cache.entries[file];
    return entry && entry.key === keys.get(file) ? entry : undefined;
  };

  const fresh = targets.filter((t) => !hit(t.source.file));
  const prints = keptPrints(set, cache, useCache ? tool : undefined, hit);
  const freshFiles = new Set(fresh.map((t) => t.source.file));
  const unprinted = set.articles.filter((a) => a.doc && !freshFiles.has(a.source.file) && !hit(a.source.file) && !prints.knownPrints(a));
  let loaded: Promise<readonly Rule[]> | undefined;
  const rules = () => (loaded ??= (options.rules ? Promise.resolve(options.rules) : builtinRules()).then((own) => [...own, ...extraRules]));
  const lists = await wordListFindings(set.root, targets, resources, tool, useCache ? cache : undefined);
  const findings: Finding[] = [...lists.findings];
  for (const target of targets) findings.push(...(hit(target.source.file)?.findings ?? []));
  const record = (target: Lintable, own: Finding[], paragraphs: PeerParagraph[]) => {
    findings.push(...own);
    const key = keys.get(target.source.file);
    // Only articles are compared, so a plan keeps no title or fingerprints. A failed lint is never kept: the next
    // run tries again.
    const article = target.place.kind === 'article';
    if (key && !lintFailed(own)) {
      const printKey = article ? prints.printKey(target) : '';
      cache.entries[target.source.file] = { key, findings: own, title: article ? titleOf(target) : '', paragraphs: article ? paragraphs : [], printKey };
      delete cache.prints[target.source.file];
    }
  };
  return { wanted, rules, extraRules, ruleModules, store, cache, listsChanged: lists.changed, targets, fresh, hit, ...prints, unprinted, gone: dropGone(set, cache), relinted: false, record, findings, resources };
}

/** The run's result, with the cache written when anything in it changed. */
async function complete(run: LintRun, fixed: string[]): Promise<LintResult> {
  if (run.fresh.length || run.listsChanged || run.printsChanged() || run.relinted || run.gone) await run.store?.save();
  const { findings } = run;
  return { findings: findings.sort(compareFindings), fixed, cached: run.targets.length - run.fresh.length, failed: lintFailed(findings) };
}

/**
 * What is wrong with the team list and the linted accounts' lists, each reported once on its own file. A list's
 * result is cached by the hash of the tool and the file's bytes, so a cached run does not parse a long list.
 */
async function wordListFindings(root: string, targets: readonly Lintable[], resources: LintResources, tool: string, cache?: LintCache): Promise<{ findings: Finding[]; changed: boolean }> {
  const findings: Finding[] = [];
  let changed = false;
  const staged = resources.stagedAccounts();
  if (!targets.length && !resources.listsStaged()) return { findings, changed };
  for (const list of repositoryLists(root, new Set([...targets.map((t) => t.place.account), ...staged]))) {
    const bytes = await resources.bytes(list);
    const key = bytes && createHash('sha256').update(tool).update(bytes).digest('hex');
    const cached = cache?.lists[list.file];
    if (key && cached?.key === key) {
      findings.push(...cached.findings);
      continue;
    }
    const found = await resources.findings(list);
    findings.push(...found);
    if (cache && key) {
      cache.lists[list.file] = { key, findings: found };
      changed = true;
    }
  }
  return { findings, changed };
}

/**
 * What is wrong with the team list and the word lists of the accounts whose files `only` selects (YAML, schema,
 * encoding), each on its own file, as a lint says it: what `mpdesk validate` reports of them. `stagedLists`: the
 * staged bytes of lists, checked instead of the working copy.
 */
export async function wordListProblems(set: ContentSet, only: (file: string) => boolean, stagedLists?: ReadonlyMap<string, Uint8Array>): Promise<Finding[]> {
  const targets: Lintable[] = [...set.articles, ...set.plans].filter((f) => f.doc && only(f.source.file));
  return (await wordListFindings(set.root, targets, new LintResources(set.root, undefined, stagedLists), '')).findings;
}

/** Validation, every rule and the fixes, in this thread: small runs, `--fix`, rules handed in. */
async function lintHere(set: ContentSet, run: LintRun & { fix: boolean }): Promise<string[]> {
  const { hit, fresh, resources } = run;
  const freshFiles = new Set(fresh.map((t) => t.source.file));
  const validation = byFile(await validateContent(set, { only: (file) => run.wanted(file) && !hit(file) }));
  for (const [file, found] of validation) if (!freshFiles.has(file)) run.findings.push(...found);
  const peerPrints = (a: ArticleFile) => {
    if (freshFiles.has(a.source.file)) return paragraphsOf(a);
    return hit(a.source.file)?.paragraphs ?? run.knownPrints(a) ?? run.keepPrints(a, paragraphsOf(a));
  };
  const peers: PeerArticle[] = set.articles.filter((a) => a.doc).map((a) => ({ file: a.source.file, title: titleOf(a), paragraphs: peerPrints(a) }));
  const paragraphs = new Map(peers.map((p) => [p.file, p.paragraphs]));
  const accounts = accountSettings(set.accounts);
  const fixed: string[] = [];

  const lintOne = async (target: Lintable): Promise<Finding[]> => {
    const { file } = target.source;
    const { lintFile, settle } = await fileLinter();
    const lintSettled = async (t: Lintable) => {
      const result = await lintFile(t, await run.rules(), resources, accounts, peers);
      return settle(file, result.findings, result.directives, result.fixes);
    };
    const result = await lintSettled(target);
    if (!run.fix || !result.fixes.length) return result.findings;
    const done = await fixFile(target, result, lintSettled);
    if (done.wrote) fixed.push(file);
    return done.findings;
  };
  const lintRecorded = async (target: Lintable) => {
    const { file } = target.source;
    let own: Finding[];
    try {
      own = await lintOne(target);
    } catch (error) {
      // One file the engine cannot lint is a finding on that file; the others are linted as usual.
      own = [engineFinding(internalError, file, fileStart, internalErrorMessage(file, error))];
    }
    run.record(target, [...(validation.get(file) ?? []), ...own], paragraphs.get(file) ?? []);
  };
  // Files are independent; a few in flight keep the thread busy while others wait on the disk (covers, links).
  const queue = [...fresh];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let target = queue.shift(); target; target = queue.shift()) await lintRecorded(target);
  }));
  await relintStaleCopies(set, run, fresh.map((t) => ({ file: t.source.file, paragraphs: paragraphs.get(t.source.file) ?? [] })), peers);
  return fixed;
}

/**
 * Lints again, in this thread, the cached targets whose originality findings another article's change may have
 * made wrong (stale-copies.ts), so a cached run says what an uncached one says.
 */
async function relintStaleCopies(set: ContentSet, run: LintRun, changed: Array<{ file: string; paragraphs: readonly PeerParagraph[] }>, peers: readonly PeerArticle[]): Promise<void> {
  const cached = run.targets.flatMap((t) => {
    const entry = t.place.kind === 'article' ? run.hit(t.source.file) : undefined;
    return entry ? [{ file: t.source.file, entry, target: t }] : [];
  });
  const stale = staleCopies(cached, changed, peers, run.gone);
  if (!stale.size) return;
  const kept = run.findings.filter((f) => !stale.has(f.file));
  run.findings.splice(0, run.findings.length, ...kept);
  const validation = byFile(await validateContent(set, { only: (file) => stale.has(file) }));
  const rules = await run.rules();
  const { lintFile, settle } = await fileLinter();
  const accounts = accountSettings(set.accounts);
  for (const { file, target, entry } of cached.filter((c) => stale.has(c.file))) {
    let own: Finding[];
    try {
      const result = await lintFile(target, rules, run.resources, accounts, peers);
      own = settle(file, result.findings, result.directives).findings;
    } catch (error) {
      own = [engineFinding(internalError, file, fileStart, internalErrorMessage(file, error))];
    }
    run.record(target, [...(validation.get(file) ?? []), ...own], entry.paragraphs);
  }
  run.relinted = true;
}

type Settled = { findings: Finding[]; fixes: Fix[] };

/**
 * Applies a file's fixes and lints it again, up to five passes (fixes that overlap wait for the next), then writes
 * it; the findings returned are those of the text written.
 */
async function fixFile(target: Lintable, first: Settled, lint: (t: Lintable) => Promise<Settled>): Promise<{ findings: Finding[]; wrote: boolean }> {
  const { file } = target.source;
  let result = first;
  let text = target.source.text;
  for (let pass = 0; pass < 5 && result.fixes.length; pass++) {
    text = applyFixes(text, result.fixes).text;
    const reloaded = reload(target, text);
    if (!reloaded) break;
    result = await lint(reloaded);
  }
  if (text === target.source.text) return { findings: result.findings, wrote: false };
  try {
    await writeFileAtomic(target.source.path, text);
  } catch (error) {
    const reason = error instanceof WriteError ? error.reason : errorText(error);
    return { findings: [engineFinding(internalError, file, fileStart, `修正后写回 ${file} 失败：${reason}。文件没有改动。`)], wrote: false };
  }
  return { findings: result.findings, wrote: true };
}

/**
 * The fresh files as jobs for any thread (with the articles only compared with, for their fingerprints), and the
 * finish: `originality/near-duplicate` over everyone's fingerprints and each file's suppressions; findings and
 * their order are those of `lintHere`.
 */
async function passOf(set: ContentSet, run: LintRun): Promise<LintPass> {
  const { hit, fresh } = run;
  const freshFiles = new Set(fresh.map((t) => t.source.file));
  // Articles neither linted now nor cached still take part in the comparison, with fingerprints made in any thread.
  const compared = run.unprinted.map((a) => a.source.file);
  const comparedFiles = new Set(compared);
  const jobs: LintJob[] = [...[...freshFiles].map((file) => ({ kind: 'lint' as const, file })), ...compared.map((file) => ({ kind: 'fingerprint' as const, file }))];
  // The word lists of the linted files' accounts, parsed once here (a 20,000-entry list takes half a second); none
  // when every file is cached.
  const lists = fresh.length ? await run.resources.wordLists(new Set(fresh.map((f) => f.place.account))) : new Map();
  const finish = async (results: ReadonlyMap<string, LintJobResult>): Promise<LintResult> => {
    run.findings.push(...(await validateContent(set, { only: (file) => run.wanted(file) && !hit(file) && !freshFiles.has(file) })));
    const paragraphs = (file: string): FileParagraph[] => results.get(file)?.paragraphs ?? [];
    const peerPrints = (a: ArticleFile) => {
      const made = () => paragraphs(a.source.file).map(peerParagraph);
      if (comparedFiles.has(a.source.file)) return run.keepPrints(a, made());
      return hit(a.source.file)?.paragraphs ?? run.knownPrints(a) ?? made();
    };
    const peers: PeerArticle[] = set.articles.filter((a) => a.doc).map((a) => ({ file: a.source.file, title: titleOf(a), paragraphs: peerPrints(a) }));
    for (const target of fresh) {
      const result = results.get(target.source.file);
      if (result?.kind !== 'linted') throw new Error(`检查线程没有返回 ${target.source.file} 的结果`);
      const { file } = target.source;
      const copies = target.place.kind === 'article' ? nearDuplicateFindings(file, result.paragraphs, peers) : [];
      const { settle } = await fileLinter();
      const settled = settle(file, [...result.findings, ...copies], result.directives);
      run.record(target, [...result.validation, ...settled.findings], result.paragraphs.map(peerParagraph));
    }
    await relintStaleCopies(set, run, fresh.map((t) => ({ file: t.source.file, paragraphs: paragraphs(t.source.file).map(peerParagraph) })), peers);
    return complete(run, []);
  };
  return {
    jobs,
    here: groupLinter(set, run.resources, run.extraRules),
    part: { module: lintTask, setup: { lists, ruleModules: [...run.ruleModules] } },
    finish,
  };
}

/** Findings grouped by file, each group in its original order. */
function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

function titleOf(file: Lintable): string {
  return String(file.doc?.data.title ?? '');
}

/**
 * Per file, a hash of what its findings depend on: the linter's code and word lists, its account's settings, word
 * lists and plans, the account's slugs (duplicates), the articles sharing its plan entry, its own text and the files
 * it references.
 */
async function inputKeys(set: ContentSet, targets: readonly Lintable[], tool: string, resources: LintResources): Promise<Map<string, string>> {
  const read = async (list: ListFile) => Buffer.from((await resources.bytes(list)) ?? []).toString('utf8');
  const accountIds = new Set(targets.map((f) => f.place.account));
  const [teamList, ...accountLists] = repositoryLists(set.root, accountIds);
  const team = await read(teamList!);
  const perAccount = new Map<string, string>();
  for (const [i, account] of [...accountIds].entries()) {
    const settings = set.accounts.find((a) => a.place.account === account)?.source.text ?? '';
    const words = await read(accountLists[i]!);
    const plans = set.plans.filter((p) => p.place.account === account).map((p) => p.source.text).join('\0');
    const slugs = set.articles.filter((a) => a.place.account === account).map((a) => a.source.file).sort().join('\0');
    // Hashed once per account: a 20,000-word list should not be hashed again for every article.
    perAccount.set(account, createHash('sha256').update([tool, team, settings, words, plans, slugs].join('\0\0')).digest('hex'));
  }
  // An article's validation also reads the other articles naming its plan entry (schema/plan-entry-reused).
  const references = crossFileInputs(set);
  const keys = new Map<string, string>();
  // Only the files to lint: one only compared with is known by its text alone (CacheEntry.printKey).
  const wanted = new Set(targets.map((t) => t.source.file));
  const keep = (f: Lintable, extra: string) => keys.set(f.source.file, articleKey([perAccount.get(f.place.account) ?? '', extra], f.source.path, f.source.text));
  for (const f of set.articles) if (wanted.has(f.source.file)) keep(f, references(f));
  for (const f of set.plans) if (wanted.has(f.source.file)) keep(f, '');
  return keys;
}

/** Drops the records of files that are gone; whether there were any. */
function dropGone(set: ContentSet, cache: LintCache): boolean {
  const files = new Set([...set.articles, ...set.plans].map((f) => f.source.file));
  const gone = Object.keys(cache.entries).filter((file) => !files.has(file));
  for (const file of gone) delete cache.entries[file];
  return gone.length > 0;
}

/**
 * The fingerprints kept for articles only compared with (`lint --staged`, `lint <paths>`): by the hash of the tool
 * and the article's text, so after mpdesk itself changes, one commit parses the other articles and the next ones
 * do not. Kept only for current articles; none without the cache.
 */
function keptPrints(set: ContentSet, cache: LintCache, tool: string | undefined, hit: LintRun['hit']): Pick<LintRun, 'knownPrints' | 'keepPrints' | 'printsChanged' | 'printKey'> {
  let changed = false;
  // Asked for each article more than once a run (the threads' share, then the comparison): hashed once.
  const keys = new Map<string, string>();
  const keyOf = (article: { source: { file: string; text: string } }) => {
    let key = keys.get(article.source.file);
    if (key === undefined) keys.set(article.source.file, (key = createHash('sha256').update(tool ?? '').update('\0').update(article.source.text).digest('hex')));
    return key;
  };
  const articles = new Map(set.articles.map((a) => [a.source.file, a]));
  for (const [file, entry] of Object.entries(cache.entries)) {
    // A record made from other text or by another tool can never be used again (its key holds both): dropped, so
    // after mpdesk changes the cache does not hold both the old records and the new fingerprints.
    const article = articles.get(file);
    if (!article || tool === undefined || hit(file) || entry.printKey === keyOf(article)) continue;
    delete cache.entries[file];
    changed = true;
  }
  for (const file of Object.keys(cache.prints)) {
    // An article with a whole record of its own, or one whose record holds the same fingerprints (made from the same
    // text by the same tool), needs no separate ones: the cache would hold every article's twice.
    const article = articles.get(file);
    if (article && tool !== undefined && !hit(file) && cache.entries[file]?.printKey !== keyOf(article)) continue;
    delete cache.prints[file];
    changed = true;
  }
  return {
    knownPrints: (article) => {
      if (tool === undefined) return undefined;
      const entry = cache.entries[article.source.file];
      if (entry && entry.printKey === keyOf(article)) return entry.paragraphs;
      const kept = cache.prints[article.source.file];
      return kept && kept.key === keyOf(article) ? kept.paragraphs : undefined;
    },
    printKey: keyOf,
    keepPrints: (article, paragraphs) => {
      if (tool !== undefined) {
        cache.prints[article.source.file] = { key: keyOf(article), paragraphs };
        changed = true;
      }
      return paragraphs;
    },
    printsChanged: () => changed,
  };
}

function paragraphsOf(article: ArticleFile): PeerParagraph[] {
  try {
    return fileParagraphs(article.source, proseBlocks(article.source, parseMarkdown(article.source))).map(peerParagraph);
  } catch {
    // Only compared with here; when linted itself, the file's failure is its own finding.
    return [];
  }
}

/** The same file with fixed text, parsed again. */
function reload(target: Lintable, text: string): Lintable | undefined {
  const parsed = readFrontmatter(text, target.source.bomLength);
  if (!parsed.ok) return undefined;
  return { ...target, source: { ...target.source, text, locator: createLocator(text) }, doc: parsed.frontmatter } as Lintable;
}
