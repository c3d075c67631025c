/**
 * Entry points for turning text into expressions: `parseExpression` for bare expression text and
 * `parseLiteralOrTemplate` for the JSON values that `@cdktf/hcl2json` produces (strings with
 * `${}`/`%{}` become templates; arrays and objects are converted recursively).
 *
 * We parse with our own recursive-descent parser rather than `getExpressionAst`: that AST drops
 * `~` strip markers, leaves `$${` escapes raw, mangles `%{for}` bodies, gives no text for bare
 * object keys and points ranges at operators. Ours is synchronous and keeps exact ranges.
 * Results are memoised by text and start position; the AST is plain JSON for on-disk caches.
 */
import { DiagnosticsError, errorDiag, type Diagnostic, type Outcome } from '../../shared/diagnostics.js';
import type { Expr, ObjectItem, Pos, Range } from './expr.js';
import { parseExpressionText, parseTemplateText } from './expression-parser.js';

/** Where an expression came from. */
export interface ParseOptions {
  readonly file: string;
  /** Position of the first character of the text in the file; defaults to 1:1. */
  readonly start?: Pos;
}

const MEMO_LIMIT = 100_000;
const exprMemo = new Map<string, Expr>();
const templateMemo = new Map<string, Expr>();

function memoised(memo: Map<string, Expr>, text: string, opts: ParseOptions, parse: typeof parseExpressionText): Outcome<Expr> {
  const key = opts.start ? `${opts.start.line}:${opts.start.column}\u0000${text}` : text;
  const hit = memo.get(key);
  if (hit !== undefined) return { value: hit, diagnostics: [] };
  try {
    const value = parse(text, { file: opts.file, start: opts.start });
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, value);
    return { value, diagnostics: [] };
  } catch (e) {
    if (e instanceof DiagnosticsError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/** Parses bare expression text (`var.x + 1`), synchronously. */
export function parseExpressionSync(text: string, opts: ParseOptions): Outcome<Expr> {
  return memoised(exprMemo, text, opts, parseExpressionText);
}

/** Parses bare expression text (`var.x + 1`). Async for API stability; the work is synchronous. */
export async function parseExpression(text: string, opts: ParseOptions): Promise<Outcome<Expr>> {
  return parseExpressionSync(text, opts);
}

/** Parses template text as hcl2json gives it (`hi-${var.x}`); `${x}` alone yields x itself. */
export function parseTemplate(text: string, opts: ParseOptions): Outcome<Expr> {
  return memoised(templateMemo, text, opts, parseTemplateText);
}

/** Converts a hcl2json JSON value into an expression. */
export function parseLiteralOrTemplate(input: unknown, opts: ParseOptions): Outcome<Expr> {
  const start = opts.start ?? { line: 1, column: 1 };
  const range: Range = { start, end: start };
  const diagnostics: Diagnostic[] = [];
  const convert = (v: unknown): Expr => {
    if (v === null || v === undefined) return { kind: 'literal', value: null, range };
    if (typeof v === 'number' || typeof v === 'boolean') return { kind: 'literal', value: v, range };
    if (typeof v === 'string') return stringExpr(v);
    if (Array.isArray(v)) return { kind: 'tuple', items: v.map(convert), range };
    if (typeof v === 'object') {
      const items: ObjectItem[] = Object.entries(v as Record<string, unknown>).map(([k, val]) => {
        const isTemplate = k.includes('${') || k.includes('%{');
        return { key: isTemplate ? stringExpr(k) : { kind: 'literal', value: k, range }, bareKey: !isTemplate, value: convert(val) };
      });
      return { kind: 'object', items, range };
    }
    diagnostics.push(errorDiag('expr-syntax', 'Invalid expression', { detail: `Unsupported value of type ${typeof v}.`, range: { file: opts.file, start } }));
    return { kind: 'literal', value: null, range };
  };
  const stringExpr = (s: string): Expr => {
    if (!s.includes('${') && !s.includes('%{')) return { kind: 'literal', value: s, range };
    const r = parseTemplate(s, opts);
    diagnostics.push(...r.diagnostics);
    return r.value ?? { kind: 'literal', value: null, range };
  };
  const expr = convert(input);
  return diagnostics.length ? { diagnostics } : { value: expr, diagnostics };
}

/** Forgets memoised parses (for tests and long-running processes). */
export function clearParseMemo(): void {
  exprMemo.clear();
  templateMemo.clear();
}
