/**
 * The parser's position in the token stream. It remembers which tokens were tried at the current
 * position so a failure can say, Calcite-style, what was expected there. Parse failures travel as a
 * `ParseFailure` exception from deep in the recursive descent up to `parse.ts`, which turns them
 * into a diagnostic; nothing outside this folder ever sees the exception.
 */
import { invariant } from '../../../shared/index.js';
import type { Pos, Range } from './ast.js';
import type { Token } from './lexer.js';
import { RESERVED } from './keywords.js';

/** How deeply expressions, queries, types and patterns may nest. */
const MAX_DEPTH = 200;

/** Internal signal for a syntax error; caught by the parse entry points. */
export class ParseFailure extends Error {
  readonly token: Token;
  readonly expected: readonly string[];
  readonly custom: string | undefined;
  constructor(token: Token, expected: readonly string[], custom?: string) {
    super(custom ?? `unexpected ${token.text}`);
    this.name = 'ParseFailure';
    this.token = token;
    this.expected = expected;
    this.custom = custom;
  }
}

/** A cursor over tokens; methods named `accept*` record what they looked for. */
export class Cursor {
  readonly #tokens: readonly Token[];
  #i = 0;
  #expected: string[] = [];
  #depth = 0;

  constructor(tokens: readonly Token[]) {
    invariant(tokens[tokens.length - 1]?.kind === 'eof', 'token stream must end with eof');
    this.#tokens = tokens;
  }

  /** The token `n` ahead; past the end, the final eof token. */
  peek(n = 0): Token {
    const t = this.#tokens[Math.min(this.#i + n, this.#tokens.length - 1)];
    invariant(t !== undefined, 'token stream must end with eof');
    return t;
  }

  /** The most recently consumed token. */
  prev(): Token {
    return this.#tokens[Math.max(0, this.#i - 1)] ?? this.peek();
  }

  get index(): number { return this.#i; }

  advance(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.#i++;
    this.#expected = [];
    return t;
  }

  /** Records an expectation at the current position (used for error messages). */
  expect(label: string): void {
    if (!this.#expected.includes(label)) this.#expected.push(label);
  }

  /** True when the token `n` ahead is keyword `kw` (no expectation recorded). */
  isKw(kw: string, n = 0): boolean {
    const t = this.peek(n);
    return t.kind === 'word' && t.upper === kw;
  }

  /** True when the token `n` ahead is operator `op` (no expectation recorded). */
  isOp(op: string, n = 0): boolean {
    const t = this.peek(n);
    return t.kind === 'op' && t.value === op;
  }

  /** Consumes keyword `kw` when present. */
  acceptKw(kw: string): boolean {
    if (this.isKw(kw)) { this.advance(); return true; }
    this.expect(`"${kw}"`);
    return false;
  }

  /** Consumes the keyword sequence `kws` when all are present. */
  acceptKws(...kws: string[]): boolean {
    if (kws.every((k, n) => this.isKw(k, n))) { for (const _ of kws) this.advance(); return true; }
    this.expect(`"${kws[0] ?? ''}"`);
    return false;
  }

  acceptOp(op: string): boolean {
    if (this.isOp(op)) { this.advance(); return true; }
    this.expect(`"${op}"`);
    return false;
  }

  expectKw(...kws: string[]): void {
    for (const kw of kws) if (!this.acceptKw(kw)) this.fail();
  }

  expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail();
  }

  /**
   * Parses with `first`; if that fails, rewinds and parses with `second`. Used only where a
   * parenthesis could open either a query or something else (`((SELECT 1) + 1)`); when both
   * fail, the failure that got further is reported.
   */
  either<T>(first: () => T, second: () => T): T {
    const mark = this.#i;
    try {
      return first();
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      this.#i = mark;
      this.#expected = [];
      try {
        return second();
      } catch (e2) {
        if (!(e2 instanceof ParseFailure)) throw e2;
        throw e2.token.start.offset >= e.token.start.offset ? e2 : e;
      }
    }
  }

  /**
   * Runs `f` one nesting level deeper. Deeply nested input (thousands of parentheses) becomes a
   * syntax error instead of exhausting the call stack.
   */
  nested<T>(f: () => T): T {
    if (this.#depth >= MAX_DEPTH) this.fail(`Statement is nested too deeply (more than ${MAX_DEPTH} levels)`);
    this.#depth++;
    try {
      return f();
    } finally {
      this.#depth--;
    }
  }

  /** Throws a ParseFailure at the current token with what was expected here. */
  fail(custom?: string): never {
    throw new ParseFailure(this.peek(), this.#expected, custom);
  }

  /** True when the current token can be an identifier (unreserved word or backquoted). */
  atIdentifier(n = 0): boolean {
    const t = this.peek(n);
    return t.kind === 'quoted' || (t.kind === 'word' && !RESERVED.has(t.upper));
  }

  /** Consumes an identifier. */
  identifier(): string {
    if (this.atIdentifier()) return this.advance().value;
    this.expect('<IDENTIFIER>');
    return this.fail();
  }

  /** Consumes an identifier if there is one. */
  acceptIdentifier(): string | undefined {
    if (this.atIdentifier()) return this.advance().value;
    this.expect('<IDENTIFIER>');
    return undefined;
  }

  /** Consumes `a.b.c`. */
  compoundName(): readonly string[] {
    const parts = [this.identifier()];
    while (this.isOp('.') && this.atIdentifier(1)) { this.advance(); parts.push(this.identifier()); }
    return parts;
  }

  /** Consumes a string literal. */
  string(): string {
    const t = this.peek();
    if (t.kind === 'string') return this.advance().value;
    this.expect('<QUOTED_STRING>');
    return this.fail();
  }

  /** Consumes an unsigned integer literal. */
  integer(): number {
    const t = this.peek();
    if (t.kind === 'number' && /^[0-9]+$/.test(t.value)) return Number(this.advance().value);
    this.expect('<UNSIGNED_INTEGER_LITERAL>');
    return this.fail();
  }

  /** A range from `start` to the end of the last consumed token. */
  rangeFrom(start: Pos): Range {
    const end = this.#i > 0 ? this.prev().end : start;
    return { start, end: end.offset < start.offset ? start : end };
  }

  /** Where the next token starts. */
  here(): Pos { return this.peek().start; }
}
