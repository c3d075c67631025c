/** Converts AST ranges into the `SourceRange` diagnostics carry (line/column, named source). */
import type { SourceRange } from '../../../shared/index.js';
import type { Range } from './ast.js';

/** The range given to nodes built by code rather than parsed (e.g. a catalog's CREATE TABLE). */
export const SYNTHETIC_RANGE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** The diagnostic range for an AST node's `range` in source `file`. */
export function sourceRange(range: Range, file = 'statement'): SourceRange {
  return {
    file,
    start: { line: range.start.line, column: range.start.column },
    end: { line: range.end.line, column: range.end.column },
  };
}
