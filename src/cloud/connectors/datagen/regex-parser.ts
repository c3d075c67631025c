/**
 * A small regular-expression parser for the `regex` annotation: literals, escapes (`\d \w \s` and
 * their negations, `\t \n \r \uXXXX`, escaped metacharacters), classes with ranges and negation,
 * `.`, groups (`(...)`, `(?:...)`), alternation and the quantifiers `? * + {n} {n,} {n,m}` (lazy
 * and possessive suffixes are accepted and ignored). Anchors `^ $` match the empty string.
 * Negated classes and `.` draw from printable ASCII, like the connector's generator in practice.
 */

/** A parsed pattern. `chars` holds the candidate characters of one position. */
export type RegexNode =
  | { readonly kind: 'chars'; readonly chars: readonly string[] }
  | { readonly kind: 'seq'; readonly parts: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly branches: readonly RegexNode[] }
  | { readonly kind: 'repeat'; readonly node: RegexNode; readonly min: number; readonly max: number };

/** A pattern the parser cannot read (a user mistake in a schema's `regex`). */
export class RegexSyntaxError extends Error {
  constructor(pattern: string, at: number, what: string) {
    super(`invalid regex ${JSON.stringify(pattern)} at ${at}: ${what}`);
    this.name = 'RegexSyntaxError';
  }
}

const PRINTABLE = range(32, 126);
const DIGITS = range(48, 57);
const WORD = [...range(65, 90), ...range(97, 122), ...DIGITS, '_'];
const SPACE = [' ', '\t', '\n', '\r', '\f', '\v'];

/** Parses `pattern` into a RegexNode; throws RegexSyntaxError. */
export function parseRegex(pattern: string): RegexNode {
  const p = new Parser(pattern);
  const node = p.alternation();
  if (!p.done()) p.fail('unbalanced )');
  return node;
}

class Parser {
  readonly #src: string;
  #i = 0;

  constructor(src: string) {
    this.#src = src;
  }

  done(): boolean {
    return this.#i >= this.#src.length;
  }

  fail(what: string): never {
    throw new RegexSyntaxError(this.#src, this.#i, what);
  }

  alternation(): RegexNode {
    const branches = [this.sequence()];
    while (this.#peek() === '|') {
      this.#i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 && branches[0] !== undefined ? branches[0] : { kind: 'alt', branches };
  }

  sequence(): RegexNode {
    const parts: RegexNode[] = [];
    while (!this.done() && this.#peek() !== '|' && this.#peek() !== ')') {
      let atom = this.#atom();
      for (;;) {
        const q = this.#quantifier();
        if (q === undefined) break;
        atom = { kind: 'repeat', node: atom, min: q.min, max: q.max };
      }
      parts.push(atom);
    }
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'seq', parts };
  }

  #peek(offset = 0): string {
    return this.#src.charAt(this.#i + offset);
  }

  #atom(): RegexNode {
    const c = this.#peek();
    this.#i++;
    switch (c) {
      case '(': {
        if (this.#peek() === '?') {
          if (this.#peek(1) !== ':') this.fail('only (?:...) groups are supported');
          this.#i += 2;
        }
        const inner = this.alternation();
        if (this.#peek() !== ')') this.fail('missing )');
        this.#i++;
        return inner;
      }
      case '[': return { kind: 'chars', chars: this.#charClass() };
      case '.': return { kind: 'chars', chars: PRINTABLE };
      case '\\':
        if (this.#peek() === 'b' || this.#peek() === 'B') { this.#i++; return { kind: 'seq', parts: [] }; }
        return { kind: 'chars', chars: this.#escape() };
      case '^': case '$': return { kind: 'seq', parts: [] };
      case '*': case '+': case '?': this.#i--; return this.fail('nothing to repeat');
      default: return { kind: 'chars', chars: [c] };
    }
  }

  #quantifier(): { min: number; max: number } | undefined {
    const c = this.#peek();
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.#src.slice(this.#i));
      if (m === null || m[1] === undefined) return undefined;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === undefined || m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) this.fail('quantifier {n,m} with m < n');
      this.#i += m[0].length - 1;
      q = { min, max };
    }
    if (q === undefined) return undefined;
    this.#i++;
    if (this.#peek() === '?' || this.#peek() === '+') this.#i++;
    return q;
  }

  #charClass(): string[] {
    let negate = false;
    if (this.#peek() === '^') { negate = true; this.#i++; }
    const set = new Set<string>();
    let first = true;
    while (!this.done() && (this.#peek() !== ']' || first)) {
      first = false;
      let lo: string[];
      if (this.#peek() === '\\') { this.#i++; lo = this.#escape(); } else { lo = [this.#peek()]; this.#i++; }
      if (lo.length === 1 && this.#peek() === '-' && this.#peek(1) !== ']' && this.#peek(1) !== '') {
        this.#i++;
        let hi: string[];
        if (this.#peek() === '\\') { this.#i++; hi = this.#escape(); } else { hi = [this.#peek()]; this.#i++; }
        const a = (lo[0] ?? '').charCodeAt(0);
        const b = hi.length === 1 ? (hi[0] ?? '').charCodeAt(0) : -1;
        if (b < a) this.fail('bad range in character class');
        for (const ch of range(a, b)) set.add(ch);
      } else {
        for (const ch of lo) set.add(ch);
      }
    }
    if (this.#peek() !== ']') this.fail('missing ]');
    this.#i++;
    const chars = negate ? PRINTABLE.filter((ch) => !set.has(ch)) : [...set];
    if (chars.length === 0) this.fail('empty character class');
    return chars;
  }

  /** The characters of an escape; the backslash is already consumed. */
  #escape(): string[] {
    const c = this.#peek();
    if (c === '') this.fail('trailing backslash');
    this.#i++;
    switch (c) {
      case 'd': return DIGITS;
      case 'D': return PRINTABLE.filter((ch) => !DIGITS.includes(ch));
      case 'w': return WORD;
      case 'W': return PRINTABLE.filter((ch) => !WORD.includes(ch));
      case 's': return SPACE;
      case 'S': return PRINTABLE.filter((ch) => !SPACE.includes(ch));
      case 't': return ['\t'];
      case 'n': return ['\n'];
      case 'r': return ['\r'];
      case 'f': return ['\f'];
      case 'b': return ['\b'];
      case 'u': {
        const hex = this.#src.slice(this.#i, this.#i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        this.#i += 4;
        return [String.fromCharCode(parseInt(hex, 16))];
      }
      default: return [c];
    }
  }
}

function range(from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(String.fromCharCode(i));
  return out;
}
