/**
 * Diagnostics as Terraform shows them: `Error: <summary>`, the `on main.tf line 12, in resource
 * "random_id" "r":` context with the numbered source lines and a caret line under the range,
 * then the detail. With colour the block gets Terraform's left rule (╷ │ ╵); without it the plain
 * form. Also the JSON form used by `-json` output. The one place diagnostics become text.
 */
import { styleFor, type Style } from './ansi-style.js';
import type { Diagnostic, SourceRange } from './plan-model.js';
import type { SourceLookup } from './types.js';

/** Options for `renderDiagnostic`. */
export interface DiagnosticViewOptions {
  readonly color: boolean;
  readonly sources?: SourceLookup;
}

/** Source lines shown at most per diagnostic. */
const MAX_SNIPPET_LINES = 6;

/** Renders one diagnostic; the text ends with a newline. */
export function renderDiagnostic(d: Diagnostic, opts: DiagnosticViewOptions): string {
  const style = styleFor(opts.color);
  const body: string[] = [headline(d, style), ''];
  if (d.address !== undefined) body.push(`  with ${d.address},`);
  if (d.range !== undefined) body.push(...rangeLines(d.range, opts.sources, style), '');
  else if (d.address !== undefined) body.push('');
  if (d.detail !== undefined && d.detail !== '') body.push(...d.detail.split('\n'), '');
  while (body.length > 1 && body[body.length - 1] === '') body.pop();
  if (!opts.color) return body.join('\n') + '\n';
  const bar = d.severity === 'error' ? style.red : style.yellow;
  return [bar('╷'), ...body.map((l) => (bar('│') + ' ' + l).trimEnd()), bar('╵')].join('\n') + '\n';
}

/** Renders a list of diagnostics, errors and warnings in the given order, separated by blank lines. */
export function renderDiagnostics(list: readonly Diagnostic[], opts: DiagnosticViewOptions): string {
  return list.map((d) => renderDiagnostic(d, opts)).join('\n');
}

function headline(d: Diagnostic, style: Style): string {
  return d.severity === 'error'
    ? style.bold(style.red('Error: ')) + style.bold(d.summary)
    : style.bold(style.yellow('Warning: ')) + style.bold(d.summary);
}

function rangeLines(range: SourceRange, sources: SourceLookup | undefined, style: Style): string[] {
  const text = sources?.(range.file);
  const all = text === undefined ? undefined : text.split(/\r?\n/);
  const context = all === undefined ? '' : enclosingBlock(all, range.start.line);
  const out = [`  on ${range.file} line ${range.start.line}${context === '' ? '' : `, in ${context}`}:`];
  if (all === undefined || range.start.line < 1 || range.start.line > all.length) return out;
  const endLine = Math.min(range.end?.line ?? range.start.line, all.length, range.start.line + MAX_SNIPPET_LINES - 1);
  for (let n = range.start.line; n <= endLine; n++) {
    const src = all[n - 1] ?? '';
    out.push(`${String(n).padStart(4)}: ${src}`.trimEnd());
    if (n === range.start.line) {
      const caret = caretLine(range, src);
      if (caret !== '') out.push(style.bold(caret));
    }
  }
  return out;
}

/** Carets under the range on its first line; empty when the column is out of the line. */
function caretLine(range: SourceRange, src: string): string {
  const startCol = range.start.column;
  if (startCol < 1 || startCol > src.length + 1) return '';
  const sameLine = range.end !== undefined && range.end.line === range.start.line;
  const endCol = sameLine && range.end !== undefined ? range.end.column : range.end === undefined ? startCol + 1 : src.length + 1;
  const width = Math.max(1, Math.min(endCol, src.length + 1) - startCol);
  return ' '.repeat(6 + startCol - 1) + '^'.repeat(width);
}

/** The header of the top-level block around `line` (`resource "random_id" "r"`), or ''. */
function enclosingBlock(lines: readonly string[], line: number): string {
  for (let n = Math.min(line, lines.length); n >= 1; n--) {
    const src = lines[n - 1] ?? '';
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\s+"[^"]*"|\s+[A-Za-z_][A-Za-z0-9_-]*)*)\s*\{/.exec(src);
    if (m !== null) return `${m[1] ?? ''}${(m[2] ?? '').replace(/\s+/g, ' ')}`;
    if (n < line && /^\}/.test(src)) return '';
  }
  return '';
}

/** JSON position, as in Terraform's machine-readable diagnostics. */
export interface DiagnosticPosJSON { readonly line: number; readonly column: number }

/** A diagnostic in the shape of Terraform's `-json` diagnostics, plus our stable `code`. */
export interface DiagnosticJSON {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail: string;
  readonly code: string;
  readonly address?: string;
  readonly range?: { readonly filename: string; readonly start: DiagnosticPosJSON; readonly end: DiagnosticPosJSON };
  readonly snippet?: { readonly context: string | null; readonly code: string; readonly start_line: number };
}

/** Converts a diagnostic to its JSON form; with `sources`, adds the source snippet. */
export function diagnosticToJSON(d: Diagnostic, opts: { readonly sources?: SourceLookup } = {}): DiagnosticJSON {
  const base = { severity: d.severity, summary: d.summary, detail: d.detail ?? '', code: d.code };
  const withAddress = d.address === undefined ? base : { ...base, address: d.address };
  if (d.range === undefined) return withAddress;
  const r = d.range;
  const range = {
    filename: r.file,
    start: { line: r.start.line, column: r.start.column },
    end: { line: (r.end ?? r.start).line, column: (r.end ?? r.start).column },
  };
  const text = opts.sources?.(r.file);
  if (text === undefined) return { ...withAddress, range };
  const lines = text.split(/\r?\n/);
  const endLine = Math.min(range.end.line, lines.length);
  const code = lines.slice(r.start.line - 1, Math.max(endLine, r.start.line)).join('\n');
  const context = enclosingBlock(lines, r.start.line);
  return { ...withAddress, range, snippet: { context: context === '' ? null : context, code, start_line: r.start.line } };
}
