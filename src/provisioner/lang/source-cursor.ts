/**
 * A character cursor over expression text, shared by the expression and template parsers.
 * It maps offsets to 1-based line/column (shifted by the caller's start position) and raises
 * syntax errors as diagnostics.
 */
import { DiagnosticsError, errorDiag } from '../../shared/diagnostics.js';
import type { Pos, Range } from './expr.js';

export class SourceCursor {
  readonly text: string;
  readonly file: string;
  pos = 0;
  readonly #lineStarts: number[];
  readonly #start: Pos;

  constructor(text: string, opts: { file: string; start?: Pos | undefined }) {
    this.text = text;
    this.file = opts.file;
    this.#start = opts.start ?? { line: 1, column: 1 };
    this.#lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#lineStarts.push(i + 1);
  }

  /** The position of an offset. */
  posAt(offset: number): Pos {
    let lo = 0, hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#lineStarts[mid] ?? 0) <= offset) lo = mid; else hi = mid - 1;
    }
    const column = offset - (this.#lineStarts[lo] ?? 0) + 1;
    if (lo === 0) return { line: this.#start.line, column: this.#start.column + column - 1 };
    return { line: this.#start.line + lo, column };
  }

  range(from: number, to: number = this.pos): Range {
    return { start: this.posAt(from), end: this.posAt(to) };
  }

  peek(n = 0): string {
    return this.text.charAt(this.pos + n);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** Skips spaces, newlines and comments (`#`, `//`, `/* *\/`). */
  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charAt(this.pos);
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { this.pos++; continue; }
      if (c === '#' || (c === '/' && t.charAt(this.pos + 1) === '/')) {
        while (this.pos < t.length && t.charAt(this.pos) !== '\n') this.pos++;
        continue;
      }
      if (c === '/' && t.charAt(this.pos + 1) === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? t.length : end + 2;
        continue;
      }
      return;
    }
  }

  /** Consumes `s` (after skipping space) when it is next; returns whether it did. */
  eat(s: string): boolean {
    this.skipSpace();
    if (this.startsWith(s)) { this.pos += s.length; return true; }
    return false;
  }

  expect(s: string, what: string): void {
    if (!this.eat(s)) this.fail(`Expected ${what}.`);
  }

  /** Reads an identifier (letters, digits, `_`, `-`) or returns undefined. */
  ident(): string | undefined {
    this.skipSpace();
    const m = /[A-Za-z_][A-Za-z0-9_-]*/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.text);
    if (!r) return undefined;
    this.pos += r[0].length;
    return r[0];
  }

  /** Peeks the identifier at the cursor without consuming it. */
  peekIdent(): string | undefined {
    const save = this.pos;
    const id = this.ident();
    this.pos = save;
    return id;
  }

  fail(detail: string, at: number = this.pos): never {
    const near = this.text.slice(at, at + 20).split('\n')[0] ?? '';
    throw new DiagnosticsError([errorDiag('expr-syntax', 'Invalid expression', {
      detail: near ? `${detail} Near: ${JSON.stringify(near)}` : `${detail} At the end of the expression.`,
      range: { file: this.file, start: this.posAt(at), end: this.posAt(Math.min(at + 1, this.text.length)) },
    })]);
  }
}
