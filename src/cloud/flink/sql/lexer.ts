/**
 * Tokenizer for Flink SQL text. Produces tokens with line/column/offset; never throws for user
 * input (a lexical problem is returned as `error` with the position where it happened).
 */
import type { Pos } from './ast.js';

export type TokenKind =
  | 'word'      // unquoted identifier or keyword (incl. `$rowtime`); `upper` holds the keyword form
  | 'quoted'    // backquoted identifier; `value` is the unescaped name
  | 'string'    // '...' or U&'...'; `value` is the decoded text
  | 'binary'    // X'0A1B'; `value` is the hex digits
  | 'number'    // 1, 1.5, .5, 1e3; `value` is the source text
  | 'hint'      // /*+ ... */; `value` is the inner text, `innerStart` where it begins
  | 'op'        // punctuation and operators; `value` is the operator
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  /** Upper-cased value for words; equal to `value` otherwise. */
  readonly upper: string;
  /** The token as written in the source. */
  readonly text: string;
  readonly start: Pos;
  readonly end: Pos;
  readonly innerStart?: Pos;
}

export interface LexError {
  readonly message: string;
  readonly pos: Pos;
}

export interface LexResult {
  readonly tokens: readonly Token[];
  readonly error?: LexError;
}

const OPERATORS = ['||', '<>', '!=', '<=', '>=', '=>', '+', '-', '*', '/', '%', '=', '<', '>', '(', ')', '[', ']',
  ',', ';', '.', '?', '{', '}', '|', '^', ':'];

/** Splits `text` into tokens, ending with an `eof` token. `origin` shifts positions (for hint bodies). */
export function lex(text: string, origin: Pos = { line: 1, column: 1, offset: 0 }): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  let line = origin.line;
  let col = origin.column;
  const pos = (): Pos => ({ line, column: col, offset: origin.offset + i });
  const step = (n: number): void => {
    for (let k = 0; k < n; k++) {
      if (text.charCodeAt(i) === 10) { line++; col = 1; } else col++;
      i++;
    }
  };
  const push = (kind: TokenKind, value: string, start: Pos, startIndex: number, extra?: { innerStart: Pos }): void => {
    const tok: Token = { kind, value, upper: kind === 'word' ? value.toUpperCase() : value, text: text.slice(startIndex, i), start, end: pos(), ...extra };
    tokens.push(tok);
  };
  const fail = (message: string, at: Pos): LexResult => ({ tokens, error: { message, pos: at } });

  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1] ?? '';
    if (/\s/.test(c)) { step(1); continue; }
    const start = pos();
    const si = i;
    if (c === '-' && next === '-') {
      while (i < text.length && text[i] !== '\n') step(1);
      continue;
    }
    if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return fail('Encountered: <EOF> inside a comment', start);
      if (text[i + 2] === '+') {
        step(3);
        const innerStart = pos();
        const inner = text.slice(i, close);
        step(close + 2 - i);
        push('hint', inner, start, si, { innerStart });
      } else {
        step(close + 2 - i);
      }
      continue;
    }
    if ((c === 'U' || c === 'u') && next === '&' && text[i + 2] === "'") {
      step(2);
      const s = readQuoted("'");
      if (s === undefined) return fail('Encountered: <EOF> inside a string literal', start);
      const decoded = decodeUnicode(s);
      if (decoded === undefined) return fail('Invalid unicode escape in string literal', start);
      push('string', decoded, start, si);
      continue;
    }
    if ((c === 'X' || c === 'x') && next === "'") {
      step(1);
      const s = readQuoted("'");
      if (s === undefined) return fail('Encountered: <EOF> inside a binary string literal', start);
      if (!/^[0-9A-Fa-f]*$/.test(s) || s.length % 2 !== 0) return fail('Binary literal string must contain an even number of hexits', start);
      push('binary', s.toUpperCase(), start, si);
      continue;
    }
    if (c === "'") {
      const s = readQuoted("'");
      if (s === undefined) return fail('Encountered: <EOF> inside a string literal', start);
      push('string', s, start, si);
      continue;
    }
    if (c === '`') {
      const s = readQuoted('`');
      if (s === undefined) return fail('Encountered: <EOF> inside a quoted identifier', start);
      push('quoted', s, start, si);
      continue;
    }
    if (c === '"') return fail('Encountered: "\\"" (double quotes do not quote identifiers in Flink SQL; use backquotes)', start);
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
      const n = m?.[0] ?? c;
      step(n.length);
      push('number', n, start, si);
      continue;
    }
    if (/[\p{L}_$]/u.test(c)) {
      const m = /^[\p{L}\p{N}_$]+/u.exec(text.slice(i));
      const w = m?.[0] ?? c;
      step(w.length);
      push('word', w, start, si);
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) return fail(`Encountered: "${c}"`, start);
    step(op.length);
    push('op', op, start, si);
  }
  const end = pos();
  tokens.push({ kind: 'eof', value: '', upper: '', text: '', start: end, end });
  return { tokens };

  /** Reads a `q`-quoted run with doubled-quote escapes; returns undefined when unterminated. */
  function readQuoted(q: string): string | undefined {
    step(1);
    let out = '';
    for (;;) {
      if (i >= text.length) return undefined;
      const ch = text[i] as string;
      if (ch === q) {
        if (text[i + 1] === q) { out += q; step(2); continue; }
        step(1);
        return out;
      }
      out += ch;
      step(1);
    }
  }
}

/** Decodes the body of a `U&'...'` literal: `\XXXX`, `\+XXXXXX` and `\\`. */
function decodeUnicode(s: string): string | undefined {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const ch = s[k] as string;
    if (ch !== '\\') { out += ch; continue; }
    if (s[k + 1] === '\\') { out += '\\'; k++; continue; }
    const six = s[k + 1] === '+';
    const hex = six ? s.slice(k + 2, k + 8) : s.slice(k + 1, k + 5);
    if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== (six ? 6 : 4)) return undefined;
    out += String.fromCodePoint(parseInt(hex, 16));
    k += six ? 7 : 4;
  }
  return out;
}
