/**
 * Diagnostics: user mistakes are data, returned alongside values (house rule 5).
 * Broken invariants throw InternalError through `invariant()`; the outside world's failures are
 * caught at the edge and turned into diagnostics with an address attached.
 */

/** A position in a source file; line and column are 1-based. */
export interface SourcePos {
  readonly line: number;
  readonly column: number;
}

/** A span in a named source file (a .tf file, a .sql text, a request body). */
export interface SourceRange {
  readonly file: string;
  readonly start: SourcePos;
  readonly end?: SourcePos;
}

export type Severity = 'error' | 'warning';

/** One user-facing problem, with a stable code that tests assert on. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable, kebab-case identifier, e.g. `config-unknown-attribute`. */
  readonly code: string;
  readonly summary: string;
  readonly detail?: string;
  readonly range?: SourceRange;
  /** Resource or module address the problem belongs to, when there is one. */
  readonly address?: string;
  /** A top-level attribute of that resource's block the problem is about: without a range, it points at it. */
  readonly attribute?: string;
}

/** A value together with the diagnostics produced while computing it. */
export interface Outcome<T> {
  readonly value?: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds an error diagnostic; optional fields are only set when given. */
export function errorDiag(code: string, summary: string, opts: { detail?: string | undefined; range?: SourceRange | undefined; address?: string | undefined; attribute?: string | undefined } = {}): Diagnostic {
  return withOptional({ severity: 'error', code, summary }, opts);
}

/** Builds a warning diagnostic. */
export function warningDiag(code: string, summary: string, opts: { detail?: string | undefined; range?: SourceRange | undefined; address?: string | undefined; attribute?: string | undefined } = {}): Diagnostic {
  return withOptional({ severity: 'warning', code, summary }, opts);
}

function withOptional(base: { severity: Severity; code: string; summary: string }, opts: { detail?: string | undefined; range?: SourceRange | undefined; address?: string | undefined; attribute?: string | undefined }): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { ...base };
  if (opts.detail !== undefined) d.detail = opts.detail;
  if (opts.range !== undefined) d.range = opts.range;
  if (opts.address !== undefined) d.address = opts.address;
  if (opts.attribute !== undefined) d.attribute = opts.attribute;
  return d;
}

/** True when any diagnostic is an error. */
export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Formats a range as `file:line:col`. */
export function formatRange(r: SourceRange): string {
  return `${r.file}:${r.start.line}:${r.start.column}`;
}

/**
 * Thrown to carry diagnostics out of deep code (for example through a provider or a walk) to the
 * edge that turns them back into data. Never used for bugs.
 */
export class DiagnosticsError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.summary).join('; '));
    this.name = 'DiagnosticsError';
    this.diagnostics = diagnostics;
  }
}
