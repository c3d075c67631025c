/**
 * The parser's position in the token stream. It remembers which tokens were tried at the current
 * position so a failure can say, Calcite-style, what was expected there. Parse failures travel as a
 * `ParseFailure` exception from deep in the recursive descent up to `parse.ts`, which turns them
 * into a diagnostic; nothing outside this folder ever sees the exception.
 */
import type { Pos, Range } from './ast.js';
import type { Token } from './lexer.js';
import { RESERVED } from './keywords.js';

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

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  /** The token `n` ahead (the last token is always eof). */
  peek(n = 0): Token {
    const t = this.#tokens[Math.min(this.#i + n, this.#tokens.length - 1)];
    if (t === undefined) throw new ParseFailure({ kind: 'eof', value: '', upper: '', text: '', start: zero, end: zero }, []);
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

const zero: Pos = { line: 1, column: 1, offset: 0 };
