/**
 * Validation errors worded as Confluent Cloud shows them (confluent-flink.md §11):
 * `SQL validation failed. Error from line L1, column C1 to line L2, column C2.\n\nCaused by: <reason>`.
 * Columns are 1-based and the end is inclusive (the AST's end position is exclusive).
 * BindError carries one such diagnostic out of deep recursion to `bindStatement`, which returns it.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { Range } from '../sql/index.js';

/** The end position Confluent prints: the last character of the node. */
function inclusiveEnd(r: Range): { line: number; column: number } {
  if (r.end.offset <= r.start.offset) return { line: r.start.line, column: r.start.column };
  if (r.end.column > 1) return { line: r.end.line, column: r.end.column - 1 };
  return { line: r.end.line, column: r.end.column };
}

/** `SQL validation failed. Error from … to ….\n\nCaused by: reason` as a diagnostic with the range. */
export function validationError(range: Range, reason: string, opts: { code?: string; file?: string } = {}): Diagnostic {
  const end = inclusiveEnd(range);
  const summary = `SQL validation failed. Error from line ${range.start.line}, column ${range.start.column} to line ${end.line}, column ${end.column}.\n\nCaused by: ${reason}`;
  return errorDiag(opts.code ?? 'sql-validation', summary, {
    range: { file: opts.file ?? 'statement', start: { line: range.start.line, column: range.start.column }, end },
  });
}

/** A construct that parses but this emulator does not run yet. */
export function notSupportedYet(range: Range, construct: string, file?: string): Diagnostic {
  return validationError(range, `not supported yet: ${construct}`, { code: 'sql-not-supported-yet', ...(file === undefined ? {} : { file }) });
}

/** Carries a diagnostic out of the recursive binder; never escapes `bindStatement`. */
export class BindError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.summary);
    this.name = 'BindError';
    this.diagnostic = diagnostic;
  }
}
