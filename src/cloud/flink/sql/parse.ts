/**
 * Entry points of the SQL parser. They never throw for user input: syntax errors come back as a
 * `sql-parse` diagnostic worded like the Calcite message Confluent Cloud users see, with the
 * position of the offending token and the few tokens that were expected there.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import type { DataType, Expr, Pos, Range, Statement } from './ast.js';
import { Cursor, ParseFailure } from './cursor.js';
import { parseExpr } from './expression-parser.js';
import { lex } from './lexer.js';
import type { LexError, Token } from './lexer.js';
import { segmentTokens } from './script-splitter.js';
import { parseStatementAt } from './statement-parser.js';
import { parseDataType as dataType } from './type-parser.js';

/** Where the SQL came from, for diagnostic ranges. */
export interface ParseOptions {
  /** File (or request) name used in diagnostic ranges; default `statement`. */
  readonly file?: string;
}

/** Confluent's reply to a submission holding more than one statement. */
export const MULTIPLE_STATEMENTS_MESSAGE = 'Only a single statement is supported at a time. Multiple INSERT INTO statements can be wrapped into a STATEMENT SET.';

/** Parses exactly one statement with an optional trailing `;`. */
export function parseStatement(text: string, options: ParseOptions = {}): Outcome<Statement> {
  return run(text, options, (c) => {
    const stmt = parseStatementAt(c, text);
    if (c.acceptOp(';')) {
      while (c.acceptOp(';')) { /* extra empty statements are harmless */ }
      if (c.peek().kind !== 'eof') return { failure: multiple(c.peek().start, options) };
    }
    if (c.peek().kind !== 'eof') { c.expect('";"'); c.expect('<EOF>'); c.fail(); }
    return { value: stmt };
  });
}

/**
 * Parses a script: statements separated by `;` (outside strings, comments and BEGIN ... END).
 * Every statement is parsed, so all syntax errors are reported; the value is present only when
 * there are none.
 */
export function parseStatements(text: string, options: ParseOptions = {}): Outcome<Statement[]> {
  const file = options.file ?? 'statement';
  const lexed = lex(text);
  if (lexed.error) return { diagnostics: [lexDiagnostic(lexed.error, file)] };
  const out: Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const seg of segmentTokens(lexed.tokens)) {
    // The statement ends at its `;`, which the parser sees as end of input but errors name as ";".
    const end: Token = { ...seg.terminator, kind: 'eof', value: '', upper: '' };
    const c = new Cursor([...seg.tokens, end]);
    try {
      const stmt = parseStatementAt(c, text);
      if (c.peek().kind !== 'eof') { c.expect('";"'); c.expect('<EOF>'); c.fail(); }
      out.push(stmt);
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      diagnostics.push(failureDiagnostic(e, file));
    }
  }
  return diagnostics.length ? { diagnostics } : { value: out, diagnostics };
}

/** One statement of a script: its source text (without `;`) and where it is. */
export interface ScriptStatement {
  readonly text: string;
  readonly range: Range;
}

/** Splits a script into statement texts without parsing them (for submitting them one by one). */
export function splitStatements(text: string, options: ParseOptions = {}): Outcome<ScriptStatement[]> {
  const lexed = lex(text);
  if (lexed.error) return { diagnostics: [lexDiagnostic(lexed.error, options.file ?? 'statement')] };
  const value = segmentTokens(lexed.tokens).map((s) => ({ text: text.slice(s.start.offset, s.end.offset), range: { start: s.start, end: s.end } }));
  return { value, diagnostics: [] };
}

/** Parses a single expression (for computed columns, watermarks, tests). */
export function parseExpression(text: string, options: ParseOptions = {}): Outcome<Expr> {
  return run(text, options, (c) => {
    const e = parseExpr(c);
    if (c.peek().kind !== 'eof') { c.expect('<EOF>'); c.fail(); }
    return { value: e };
  });
}

/** Parses a data type such as `ROW<a INT NOT NULL, b ARRAY<STRING>>`. */
export function parseDataType(text: string, options: ParseOptions = {}): Outcome<DataType> {
  return run(text, options, (c) => {
    const t = dataType(c);
    if (c.peek().kind !== 'eof') { c.expect('<EOF>'); c.fail(); }
    return { value: t };
  });
}

type Step<T> = { value: T } | { failure: Diagnostic };

function run<T>(text: string, options: ParseOptions, body: (c: Cursor) => Step<T>): Outcome<T> {
  const file = options.file ?? 'statement';
  const lexed = lex(text);
  if (lexed.error) return { diagnostics: [lexDiagnostic(lexed.error, file)] };
  try {
    const step = body(new Cursor(lexed.tokens));
    if ('failure' in step) return { diagnostics: [step.failure] };
    return { value: step.value, diagnostics: [] };
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    return { diagnostics: [failureDiagnostic(e, file)] };
  }
}

function lexDiagnostic(e: LexError, file: string): Diagnostic {
  const { pos, message } = e;
  return errorDiag('sql-parse', `SQL parse failed. Lexical error at line ${pos.line}, column ${pos.column}. ${message}`, { range: { file, start: lc(pos) } });
}

function failureDiagnostic(f: ParseFailure, file: string): Diagnostic {
  const t = f.token;
  const where = `at line ${t.start.line}, column ${t.start.column}`;
  const image = t.kind === 'eof' && t.text === '' ? '<EOF>' : t.text;
  let summary: string;
  if (f.custom !== undefined) summary = `SQL parse failed. ${f.custom} (${where}).`;
  else {
    summary = `SQL parse failed. Encountered "${image}" ${where}.`;
    // JavaCC's wording: every expected token is followed by "..." except end of input.
    const line = (x: string): string => `    ${x}${x === '<EOF>' ? '' : ' ...'}`;
    if (f.expected.length === 1) summary += `\nWas expecting:\n${line(f.expected[0] ?? '')}`;
    else if (f.expected.length > 1) summary += `\nWas expecting one of:\n${f.expected.map(line).join('\n')}`;
  }
  return errorDiag('sql-parse', summary, { range: { file, start: lc(t.start), end: lc(t.end) } });
}

function multiple(at: Pos, options: ParseOptions): Diagnostic {
  return errorDiag('sql-multiple-statements', MULTIPLE_STATEMENTS_MESSAGE, { range: { file: options.file ?? 'statement', start: lc(at) } });
}

function lc(p: Pos): { line: number; column: number } {
  return { line: p.line, column: p.column };
}
