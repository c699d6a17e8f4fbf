import { fileURLToPath, pathToFileURL } from 'node:url';
import { shown } from '../shared/write-error.ts';
import { resolve } from 'node:path';
import type { Rule } from './define-rule.ts';
import { allowTypeScript, isTypeScript } from '../shared/typescript-loader.ts';

/** A module's default export, if it is a rule made by `defineRule`. */
function isRule(value: unknown): value is Rule {
  if (!value || typeof value !== 'object') return false;
  const field = (name: string): unknown => Reflect.get(value, name);
  const id = field('id');
  return typeof id === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(id) && ['error', 'warning', 'info'].includes(String(field('severity'))) && typeof field('plugin') === 'function' && typeof field('examples') === 'object';
}

/** The rule module a user named (a path, relative to `cwd`), as a URL every thread can import. */
export function ruleModuleUrl(path: string, cwd: string): string {
  return pathToFileURL(resolve(cwd, path)).href;
}

/** A module URL as the user would write it: a path from the folder they stand in. */
function shownModule(url: string): string {
  return url.startsWith('file:') ? shown(fileURLToPath(url)) : url;
}

/** Why a module did not load, with the place in it when the error names one (a syntax error, a throw at the top). */
function loadFailure(url: string, error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes(fileURLToPath(url))) return '文件不存在。';
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const place = new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)(?::(\\d+))?`).exec(stack);
  const where = place ? `${shownModule(url)} 第 ${place[1]} 行${place[2] ? `第 ${place[2]} 列` : ''}：` : '';
  return `${where}（运行时原文：${text}）`;
}

/** Custom rules from modules whose default export is a `defineRule` rule; a module that is not one is an error. */
export async function loadRuleModules(urls: readonly string[]): Promise<Rule[]> {
  const rules: Rule[] = [];
  if (urls.some(isTypeScript)) await allowTypeScript();
  for (const url of urls) {
    let module: unknown;
    try {
      module = await import(url);
    } catch (error) {
      throw new Error(`无法加载规则模块 ${shownModule(url)}：${loadFailure(url, error)}`, { cause: error });
    }
    const rule: unknown = module && typeof module === 'object' ? Reflect.get(module, 'default') : undefined;
    if (!isRule(rule)) throw new Error(`规则模块 ${shownModule(url)} 的默认导出不是 defineRule 定义的规则（要有 family/name 形式的 id、severity 和 examples）。`);
    if (rule.id.startsWith('lint/')) throw new Error(`规则模块 ${shownModule(url)}：lint/ 开头的 id 留给检查工具自己用。`);
    rules.push(rule);
  }
  return rules;
}
