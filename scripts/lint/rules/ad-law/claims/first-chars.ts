/**
 * The characters a match of a regex can start with, read from its source, or undefined when it could start with
 * anything (a negated class, \p{…}, `.`, or a pattern that can match the empty string). The rule tries a pattern on
 * a sentence only when the sentence holds one of them: most sentences of ordinary prose hold none, and this keeps the
 * rule's cost in the sentences that could make a claim.
 *
 * It understands the syntax the claim patterns use: literals, escapes, classes, groups and lookarounds, quantifiers
 * and alternation. Anything else makes the answer undefined, which only costs speed.
 */
export function firstChars(source: string): Set<string> | undefined {
  return edgeChars(source)?.first;
}

/** The characters a match can start with and the ones it can end with (undefined: could be any). */
export function edgeChars(source: string): { first: Set<string> | undefined; last: Set<string> | undefined } | undefined {
  const parser = new Parser(source);
  const result = parser.alternation();
  return parser.ok && parser.at === source.length && !result.nullable ? { first: result.first, last: result.last } : undefined;
}

interface First {
  /** undefined: any character. */
  first: Set<string> | undefined;
  last: Set<string> | undefined;
  nullable: boolean;
}

/**
 * `b`'s characters added to `a`, which the caller owns (a fresh set, or one made by an earlier `union`): unions copy
 * at most once per alternation, not once per alternative, so a table of 500 terms costs 500 insertions, not 125,000.
 */
function union(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a || !b) return undefined;
  for (const char of b) a.add(char);
  return a;
}

/** A set the caller may add to: the atoms' sets are shared (a class's set is its first and its last). */
const own = (set: Set<string> | undefined) => (set ? new Set(set) : undefined);

const repeat = /\{(\d+)(?:,(\d*))?\}/y;
const groupHead = /\?(?::|=|!|<=|<!)?/y;

class Parser {
  at = 0;
  ok = true;
  constructor(private readonly source: string) {}

  private peek(): string | undefined {
    return this.source[this.at];
  }

  alternation(): First {
    const one = this.sequence();
    if (this.peek() !== '|') return one;
    const result = { first: own(one.first), last: own(one.last), nullable: one.nullable };
    while (this.peek() === '|') {
      this.at++;
      const next = this.sequence();
      result.first = union(result.first, next.first);
      result.last = union(result.last, next.last);
      result.nullable ||= next.nullable;
    }
    return result;
  }

  private sequence(): First {
    const atoms: First[] = [];
    while (this.ok && this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') atoms.push(this.quantified());
    let first: Set<string> | undefined = new Set();
    for (const atom of atoms) {
      first = union(first, atom.first);
      if (!atom.nullable) break;
    }
    let last: Set<string> | undefined = new Set();
    for (const atom of [...atoms].reverse()) {
      last = union(last, atom.last);
      if (!atom.nullable) break;
    }
    return { first, last, nullable: atoms.every((a) => a.nullable) };
  }

  private quantified(): First {
    const atom = this.atom();
    const q = this.peek();
    let optional = false;
    if (q === '?' || q === '*' || q === '+') {
      this.at++;
      optional = q !== '+';
    } else if (q === '{') {
      repeat.lastIndex = this.at;
      const m = repeat.exec(this.source);
      if (!m) return this.fail();
      this.at += m[0].length;
      optional = m[1] === '0';
    }
    if (this.peek() === '?' && (q === '?' || q === '*' || q === '+' || q === '{')) this.at++;
    return { first: atom.first, last: atom.last, nullable: atom.nullable || optional };
  }

  private atom(): First {
    const c = this.source[this.at++];
    if (c === undefined) return this.fail();
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return { first: new Set(), last: new Set(), nullable: true };
    if (c === '.') return { first: undefined, last: undefined, nullable: false };
    const code = this.source.codePointAt(this.at - 1)!;
    const char = String.fromCodePoint(code);
    this.at += char.length - 1;
    return { first: new Set([char]), last: new Set([char]), nullable: false };
  }

  private group(): First {
    groupHead.lastIndex = this.at;
    const head = groupHead.exec(this.source)?.[0] ?? '';
    this.at += head.length;
    const inner = this.alternation();
    if (this.source[this.at++] !== ')') return this.fail();
    // A lookaround matches no character of its own.
    return head === '?:' || head === '?' ? inner : { first: new Set(), last: new Set(), nullable: true };
  }

  private escape(): First {
    const c = this.source[this.at++];
    if (c === undefined) return this.fail();
    if (c === 'p' || c === 'P') {
      const close = this.source.indexOf('}', this.at);
      if (close < 0) return this.fail();
      this.at = close + 1;
      return { first: undefined, last: undefined, nullable: false };
    }
    if (c === 'd') return { first: new Set('0123456789'), last: new Set('0123456789'), nullable: false };
    if (/[wWsSDbB]/.test(c)) return c === 'b' || c === 'B' ? { first: new Set(), last: new Set(), nullable: true } : { first: undefined, last: undefined, nullable: false };
    return { first: new Set([c]), last: new Set([c]), nullable: false };
  }

  private charClass(): First {
    if (this.peek() === '^') {
      const close = this.source.indexOf(']', this.at);
      if (close < 0) return this.fail();
      this.at = close + 1;
      return { first: undefined, last: undefined, nullable: false };
    }
    const chars = new Set<string>();
    let previous: string | undefined;
    while (this.peek() !== ']') {
      let c = this.source[this.at++];
      if (c === undefined) return this.fail();
      if (c === '\\') {
        c = this.source[this.at++];
        if (c === 'p' || c === 'P' || c === 'w' || c === 's' || c === 'W' || c === 'S' || c === 'D') return this.skipClass();
        if (c === 'd') {
          for (const d of '0123456789') chars.add(d);
          continue;
        }
      } else if (c === '-' && previous !== undefined && this.peek() !== ']') {
        const to = this.source.codePointAt(this.at)!;
        this.at += String.fromCodePoint(to).length;
        for (let code = previous.codePointAt(0)!; code <= to; code++) chars.add(String.fromCodePoint(code));
        previous = undefined;
        continue;
      } else {
        const code = this.source.codePointAt(this.at - 1)!;
        c = String.fromCodePoint(code);
        this.at += c.length - 1;
      }
      if (c === undefined) return this.fail();
      chars.add(c);
      previous = c;
    }
    this.at++;
    return { first: chars, last: chars, nullable: false };
  }

  private skipClass(): First {
    const close = this.source.indexOf(']', this.at);
    if (close < 0) return this.fail();
    this.at = close + 1;
    return { first: undefined, last: undefined, nullable: false };
  }

  private fail(): First {
    this.ok = false;
    return { first: undefined, last: undefined, nullable: false };
  }
}

/**
 * The top-level alternatives of a regex source (`a|b(c|d)|e` → a, b(c|d), e), so each can be tried only on the
 * sentences holding its own first characters. Escapes, classes and groups are kept whole.
 */
export function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** The alternatives of a whole-group source `(?:a|b)` too, when nothing follows the group. */
export function splitPattern(source: string): string[] {
  const parts = alternatives(source);
  if (parts.length > 1) return parts;
  if (source.startsWith('(?:') && source.endsWith(')')) {
    const inner = source.slice(3, -1);
    if (alternatives(`(${inner})`).length === 1 && closesAtEnd(source)) return alternatives(inner);
  }
  return parts;
}

/** True when the group opened at the start of `source` closes at its very end. */
function closesAtEnd(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === source.length - 1;
  }
  return false;
}
