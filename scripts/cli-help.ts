import { Command, type Help, type HelpContext, type Option } from 'commander';
import { displayWidth } from './output/display-width.ts';
import { wrapCommand, wrapText } from './output/wrap.ts';
import { didYouMean } from './shared/did-you-mean.ts';
import { UsageError } from './shared/path-filter.ts';

// How mpdesk talks about its own arguments: help in Chinese wrapped by display width, and argument errors as one
// Chinese line with the command's usage instead of commander's English message and the whole help.

/** An argument error from commander, in Chinese, with one line of usage and where to find the rest. */
export class ArgumentError extends UsageError {
  override name = 'ArgumentError';
}

/** A commander Command whose argument errors become ArgumentErrors naming the command that was called. */
export class MpdeskCommand extends Command {
  override createCommand(name?: string): Command {
    return new MpdeskCommand(name);
  }

  override error(message: string, options?: { code?: string }): never {
    const problem =
      options?.code === 'commander.excessArguments'
        ? `多余的参数：${this.args.slice(this.registeredArguments.length).join(' ')}`
        : explain(message, options?.code);
    throw usageError(this, problem);
  }

  /**
   * commander prints the whole help as an error in two cases of misuse: a command group called without its
   * subcommand (`mpdesk new`), and `mpdesk help <unknown>`. Both are argument errors like any other. Bare `mpdesk`
   * keeps its help: it is how a newcomer finds the commands.
   */
  override help(context?: HelpContext): never;
  override help(cb: (text: string) => string): never;
  override help(context?: HelpContext | ((text: string) => string)): never {
    const error = typeof context === 'object' && context.error;
    if (error && this.parent === null && this.args[0] === 'help' && this.args[1] !== undefined) {
      const asked = this.args[1];
      const names = this.commands.map((c) => c.name()).filter((n) => n !== 'help');
      const guess = didYouMean(asked, names);
      throw usageError(this, `没有命令 ${asked}，无法显示它的帮助${guess ? `（是不是想看 ${guess}？）` : ''}`, `${commandPath(this)} help [command]`);
    }
    if (error && this.parent !== null && this.commands.length > 0) {
      const names = this.commands.map((c) => c.name()).filter((n) => n !== 'help');
      throw usageError(this, `${commandPath(this)} 后面缺少子命令：可用 ${names.join('、')}`);
    }
    return typeof context === 'function' ? super.help(context) : super.help(context);
  }
}

/** One Chinese line saying what is wrong, the command's usage, and where to read the rest. */
function usageError(command: Command, problem: string, usage = `${commandPath(command)} ${command.usage()}`): ArgumentError {
  return new ArgumentError(`${problem}\n用法：${usage}\n运行 ${commandPath(command)} --help 查看全部选项`);
}

/** `mpdesk review record`: the command as typed. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

const quoted = (text: string) => text.match(/'([^']*)'/g)?.map((q) => q.slice(1, -1)) ?? [];

/** commander's English messages, by their error code, in Chinese. */
function explain(message: string, code: string | undefined): string {
  const suggestion = message.match(/\(Did you mean (.+)\?\)\s*$/)?.[1];
  const body = message.replace(/^error: /, '').replace(/\s*\(Did you mean .+\?\)\s*$/, '');
  const hint = suggestion ? `（是不是想用 ${suggestion}？）` : '';
  const [first, second] = quoted(body);
  switch (code) {
    case 'commander.unknownOption':
      return `未知选项 ${first}${hint}`;
    case 'commander.unknownCommand':
      return `未知命令 ${first}${hint}`;
    case 'commander.missingArgument':
      return `缺少参数 <${first}>`;
    case 'commander.optionMissingArgument':
      return `选项 ${first} 缺少取值`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必填选项 ${first}`;
    case 'commander.invalidArgument': {
      const choices = body.match(/Allowed choices are (.+)\.$/)?.[1];
      const reason = choices ? `可选：${choices.split(', ').join('、')}` : body.replace(/^.*? is invalid(?: for argument '[^']*')?\.\s*/, '');
      return body.startsWith('option ') ? `选项 ${first} 的值“${second}”无效；${reason}` : `参数 <${second}> 的值“${first}”无效；${reason}`;
    }
    case 'commander.conflictingOption':
      return body.replace(/^(.+) cannot be used with (.+)$/, '$1 不能和 $2 一起用');
    default:
      return body;
  }
}

/** Columns to wrap help to: `COLUMNS` when set (as shells export it), else the terminal's width, else 80. */
function columns(stream: NodeJS.WriteStream): number {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

const titles: Record<string, string> = {
  'Usage:': '用法 Usage:',
  'Arguments:': '参数 Arguments:',
  'Options:': '选项 Options:',
  'Commands:': '命令 Commands:',
  'Global Options:': '全局选项 Global options:',
};
// Chinese wraps anywhere between words, so a narrow column still reads; commander's own floor is 40.
const minWidthToWrap = 16;

const help: Partial<Help> = {
  minWidthToWrap,
  displayWidth,
  boxWrap: (text: string, width: number) => (width < minWidthToWrap ? text : wrapText(text, width)),
  styleTitle: (title: string) => titles[title] ?? title,
  commandUsage(this: Help, command: Command) {
    const width = (this.helpWidth ?? 80) - displayWidth(`${titles['Usage:']} `);
    return wrapCommand(`${commandPath(command)} ${command.usage()}`, width, '', '').replace(/\n/g, `\n${' '.repeat(displayWidth(titles['Usage:']!) - 1)}`);
  },
  optionDescription: (option: Option) => {
    const fallback = defaultText(option);
    const extra = [...(option.argChoices ? [`可选 ${option.argChoices.join('、')}`] : []), ...(fallback ? [`默认 ${fallback}`] : [])];
    return extra.length ? `${option.description}（${extra.join('；')}）` : option.description;
  },
};

/**
 * An option's default as help shows it, or undefined when there is nothing to show: an empty list (a repeatable
 * option such as `--rule` starts from []), an empty string, or the `false` of a negatable flag.
 */
function defaultText(option: Option): string | undefined {
  if (option.defaultValueDescription) return option.defaultValueDescription;
  const value: unknown = option.defaultValue;
  if (value === undefined || value === false || value === '' || option.negate) return undefined;
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : undefined;
  return String(value);
}

/** The root command with mpdesk's help and error handling; set before adding commands, which inherit it. */
export function createProgram(name: string, version: string): MpdeskCommand {
  const program = new MpdeskCommand(name);
  return program
    .configureHelp(help)
    .configureOutput({ getOutHelpWidth: () => columns(process.stdout), getErrHelpWidth: () => columns(process.stderr) })
    .helpOption('-h, --help', '显示帮助 show help')
    .helpCommand('help [command]', '显示命令的帮助 show help for a command')
    .version(version, '-V, --version', '显示版本号 show the version')
    .exitOverride();
}

/**
 * Text after a command's help (examples, exit codes), wrapped when printed: prose by display width, example
 * command lines (`  mpdesk …`) with ` \` continuations so they still run when pasted.
 */
export function afterHelp(text: string): (context: { error: boolean; command: Command }) => string {
  return ({ error, command }) => {
    const width = columns(error ? process.stderr : process.stdout);
    const withValue = new Set(command.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter((f) => f !== undefined)));
    return text
      .split('\n')
      .map((line) => {
        const indent = line.match(/^ */)![0];
        if (displayWidth(line) <= width) return line;
        if (/^\s+(?:[A-Z_]+=\S*\s+)*mpdesk\s/.test(line)) return wrapCommand(line, width, indent, ' \\', (flag) => withValue.has(flag));
        return wrapText(line.trim(), width - indent.length).replace(/^/gm, indent);
      })
      .join('\n');
  };
}

/** Gives every command a usage line that reads as typed: `mpdesk new article --account <account> --title <title> [options]`. */
export function setUsage(command: Command): void {
  for (const sub of command.commands) setUsage(sub);
  const argumentsText = command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
  const required = command.options.filter((o) => o.mandatory).map((o) => o.flags);
  const parts = command.commands.length ? ['<command>', '[options]'] : [...argumentsText, ...required, '[options]'];
  command.usage(parts.join(' '));
}
